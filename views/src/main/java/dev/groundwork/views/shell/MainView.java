package dev.groundwork.views.shell;

import dev.groundwork.views.analytics.AnalyticsView;
import dev.groundwork.views.common.ThemeStylesheets;
import dev.groundwork.views.ideas.IdeasView;
import dev.groundwork.views.lineage.LineageView;
import dev.groundwork.views.review.ReviewView;
import dev.groundwork.views.runs.RunsView;
import dev.groundwork.views.settings.SettingsView;
import java.util.EnumMap;
import java.util.Map;
import javafx.scene.Parent;
import javafx.util.Duration;
import org.controlsfx.control.Notifications;
import javafx.scene.Scene;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.stage.WindowEvent;

/**
 * The main window's content: menu, sidebar, the selected page (under a read-only banner when so) and the status bar. Use {@link #install} for a real
 * window, or render {@link #root()} headlessly with {@code PngSnapshots}.
 */
public final class MainView {

    private final MainViewModel vm;
    private final BorderPane root = new BorderPane();
    private final Map<Page, Parent> pages = new EnumMap<>(Page.class);

    public MainView(MainViewModel vm) {
        this.vm = vm;
        pages.put(Page.IDEAS, new IdeasView(vm.ideas()).root());
        pages.put(Page.REVIEW, new ReviewView(vm.review()).root());
        pages.put(Page.RUNS, new RunsView(vm.runs()).root());
        pages.put(Page.ANALYTICS, new AnalyticsView(vm.analytics()).root());
        pages.put(Page.LINEAGE, new LineageView(vm.lineage()).root());
        pages.put(Page.SETTINGS, new SettingsView(vm.settings()).root());

        StackPane content = new StackPane(pages.get(vm.pageProperty().get()));
        content.setId("page-content");
        content.getStyleClass().add("page-content");
        vm.pageProperty().addListener((o, old, page) -> {
            content.getChildren().setAll(pages.get(page));
            PageFocus.into(pages.get(page));
        });

        root.setId("main-root");
        MainMenu menu = new MainMenu(vm, this::window);
        root.setTop(menu.menuBar());
        root.setLeft(new NavigationBar(vm.pageProperty(), vm::waitingOn).root());
        // Over the pages while no study is open (they keep their nodes, so the pages stay as they are beneath it).
        StackPane pagesOrStart = new StackPane(content, new StartPane(vm, menu::createStudy, menu::chooseStudy).root());
        VBox center = new VBox(new ReadOnlyBanner(vm).root(), pagesOrStart);
        VBox.setVgrow(pagesOrStart, Priority.ALWAYS);
        root.setCenter(center);
        root.setBottom(new StatusBarView(vm).root());
        ThemeStylesheets.bind(root, vm.themeProperty());
        ErrorDialogs.install(vm, this::window);
        vm.loop().noticeProperty().addListener((o, old, notice) -> notify(notice));
    }

    /** A notification in the window's corner (ControlsFX), so that a researcher on another page sees the loop's news. */
    private void notify(LoopViewModel.Notice notice) {
        Window window = window();
        if (notice == null || window == null || !window.isShowing()) {
            return;
        }
        Notifications.create().owner(window).title(notice.title()).text(notice.text())
                .hideAfter(Duration.seconds(10)).showInformation();
    }

    public Parent root() {
        return root;
    }

    /**
     * Puts the view in {@code stage} at the given size: scene, title bound to the study, the study closed when the
     * window closes. The caller shows the stage.
     */
    public Scene install(Stage stage, double width, double height) {
        Scene scene = new Scene(root, width, height);
        stage.setScene(scene);
        stage.titleProperty().bind(vm.titleProperty());
        stage.setMinWidth(720);
        stage.setMinHeight(480);
        stage.setOnHidden(e -> vm.shutdown());
        // In the page rather than on the sidebar's first entry, so that the page's keys work before any click.
        stage.addEventHandler(WindowEvent.WINDOW_SHOWN, e -> PageFocus.into(pages.get(vm.pageProperty().get())));
        return scene;
    }

    private Window window() {
        return root.getScene() == null ? null : root.getScene().getWindow();
    }
}
