package dev.groundwork.views.newstudy;

import dev.groundwork.views.common.Theme;
import dev.groundwork.views.common.ThemeStylesheets;
import java.util.EnumMap;
import java.util.Map;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * The New Study window: the steps on the left, the current one in the middle, and below it why it cannot go on yet
 * (one sentence) beside Back, Next or Create, and Cancel. Closes itself once the study is made.
 */
public final class NewStudyWizardView {

    private final NewStudyWizardViewModel vm;
    private final BorderPane root = new BorderPane();
    private final VBox stepList = new VBox(2);
    private final Label heading = new Label();
    private final StackPane content = new StackPane();
    private final Map<WizardStep, Parent> pages = new EnumMap<>(WizardStep.class);
    private final Map<WizardStep, Runnable> focus = new EnumMap<>(WizardStep.class);
    private final TestRunView testRun;
    private Stage stage;

    public NewStudyWizardView(NewStudyWizardViewModel vm) {
        this.vm = vm;
        SourceStepView source = new SourceStepView(vm.source(), this::window);
        FilesStepView files = new FilesStepView(vm.files());
        RunStepView run = new RunStepView(vm.run());
        testRun = new TestRunView(vm);
        RewardStepView reward = new RewardStepView(vm.reward());
        CreateStepView create = new CreateStepView(vm, this::window);
        put(WizardStep.SOURCE, source.root(), source::focus);
        put(WizardStep.FILES, files.root(), files::focus);
        put(WizardStep.RUN, run.root(), run::focus);
        put(WizardStep.TEST, testRun.root(), testRun::focus);
        put(WizardStep.REWARD, reward.root(), reward::focus);
        put(WizardStep.CREATE, create.root(), create::focus);

        heading.getStyleClass().add("page-title");
        heading.setId("wizard-heading");
        content.setId("wizard-content");
        VBox.setVgrow(content, Priority.ALWAYS);
        VBox center = new VBox(12, heading, content);
        center.getStyleClass().add("wizard-center");
        stepList.getStyleClass().add("wizard-steps");
        stepList.setId("wizard-steps");
        root.setId("wizard-root");
        root.setLeft(stepList);
        root.setCenter(center);
        root.setBottom(buttons());
        vm.stepProperty().addListener((o, old, now) -> showStep());
        vm.source().useTemplateProperty().addListener(o -> showSteps());
        vm.createdProperty().addListener((o, was, now) -> {
            if (now) {
                close();
            }
        });
        showStep();
    }

    private void put(WizardStep step, Parent page, Runnable focusIn) {
        pages.put(step, page);
        focus.put(step, focusIn);
    }

    private HBox buttons() {
        Label reason = new Label();
        reason.setId("wizard-reason");
        reason.getStyleClass().add("wizard-reason");
        reason.setWrapText(true);
        reason.textProperty().bind(vm.reasonProperty());
        reason.setMaxWidth(Double.MAX_VALUE);
        reason.setMinHeight(Region.USE_PREF_SIZE);
        HBox.setHgrow(reason, Priority.ALWAYS);
        ProgressIndicator creating = new ProgressIndicator();
        creating.setPrefSize(18, 18);
        creating.visibleProperty().bind(vm.creatingProperty());
        creating.managedProperty().bind(vm.creatingProperty());
        Button back = new Button("Back");
        back.setId("wizard-back");
        back.disableProperty().bind(vm.canGoBackProperty().not());
        back.setOnAction(event -> vm.back());
        Button next = new Button("Next");
        next.setId("wizard-next");
        next.setDefaultButton(true);
        next.disableProperty().bind(vm.canGoOnProperty().not());
        next.setOnAction(event -> vm.next());
        Button create = new Button("Create");
        create.setId("wizard-create");
        create.setDefaultButton(true);
        create.disableProperty().bind(vm.canCreateProperty().not());
        create.setOnAction(event -> vm.createStudy());
        var last = Bindings.createBooleanBinding(() -> vm.stepProperty().get() == WizardStep.CREATE, vm.stepProperty());
        next.visibleProperty().bind(last.not());
        next.managedProperty().bind(next.visibleProperty());
        next.defaultButtonProperty().bind(last.not());
        create.visibleProperty().bind(last);
        create.managedProperty().bind(last);
        create.defaultButtonProperty().bind(last);
        Button cancel = new Button("Cancel");
        cancel.setId("wizard-cancel");
        cancel.setCancelButton(true);
        cancel.disableProperty().bind(vm.creatingProperty());
        cancel.setOnAction(event -> close());
        HBox bar = new HBox(10, reason, creating, back, next, create, cancel);
        bar.setAlignment(Pos.CENTER_RIGHT);
        bar.getStyleClass().add("wizard-buttons");
        for (Button button : new Button[] {back, next, create, cancel}) {
            button.setMinWidth(Region.USE_PREF_SIZE);
        }
        return bar;
    }

    private void showStep() {
        WizardStep step = vm.stepProperty().get();
        heading.setText(step.heading());
        content.getChildren().setAll(pages.get(step));
        showSteps();
        if (content.getScene() != null) {
            focus.get(step).run();
        }
    }

    private void showSteps() {
        stepList.getChildren().clear();
        int number = 1;
        for (WizardStep step : vm.steps()) {
            Label label = new Label(number++ + "  " + step.title());
            label.getStyleClass().add("wizard-step");
            label.setMaxWidth(Double.MAX_VALUE);
            if (step == vm.stepProperty().get()) {
                label.getStyleClass().add("wizard-step-current");
            }
            stepList.getChildren().add(label);
        }
    }

    /** The window's content, for a test or a snapshot to place in a scene of its own. */
    public Parent root() {
        return root;
    }

    /** Shows the window over {@code owner} (modal to it); returns at once. */
    public Stage show(Window owner, Theme theme) {
        stage = new Stage();
        stage.initOwner(owner);
        stage.initModality(Modality.WINDOW_MODAL);
        stage.setTitle("New study");
        Scene scene = new Scene(root, 920, 640);
        ThemeStylesheets.apply(root, theme);
        stage.setScene(scene);
        stage.setMinWidth(720);
        stage.setMinHeight(480);
        stage.setOnHidden(event -> {
            testRun.stop();
            vm.cancel();
        });
        stage.setOnShown(event -> focus.get(vm.stepProperty().get()).run());
        stage.show();
        return stage;
    }

    private void close() {
        vm.cancel();
        testRun.stop();
        if (stage != null) {
            stage.hide();
        }
    }

    private Window window() {
        return root.getScene() == null ? null : root.getScene().getWindow();
    }
}
