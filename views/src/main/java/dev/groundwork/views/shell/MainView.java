package dev.groundwork.views.shell;

import dev.groundwork.views.analytics.AnalyticsView;
import dev.groundwork.views.common.ThemeStylesheets;
import dev.groundwork.views.ideas.IdeasView;
import dev.groundwork.views.lineage.LineageView;
import dev.groundwork.views.review.ReviewView;
import dev.groundwork.views.runs.RunsView;
import dev.groundwork.views.settings.SettingsView;
import java.util.List;
import java.util.Map;
import javafx.scene.Parent;
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
    private final List<PageView> pages;
    private final Map<Page, PageView> byPage;
    private final NoticeCard notices = new NoticeCard();
    private final PagesAhead pagesAhead;

    public MainView(MainViewModel vm) {
        this.vm = vm;
        this.pages = pages(vm);
        this.byPage = PageView.byPage(pages);

        StackPane content = new StackPane(root(vm.pageProperty().get()));
        content.setId("page-content");
        content.getStyleClass().add("page-content");
        pagesAhead = new PagesAhead(content, this::root);
        vm.pageProperty().addListener((o, old, page) -> {
            pagesAhead.show(page);
            PageFocus.into(root(page));
        });

        root.setId("main-root");
        MainMenu menu = new MainMenu(vm, pages, this::window);
        root.setTop(menu.menuBar());
        root.setLeft(new NavigationBar(pages, vm.pageProperty(), vm::waitingOn).root());
        // Over the pages while no study is open (they keep their nodes, so the pages stay as they are beneath it).
        StackPane pagesOrStart = new StackPane(content, new StartPane(vm, menu::createStudy, menu::chooseStudy).root());
        VBox center = new VBox(new ReadOnlyBanner(vm).root(), pagesOrStart, notices.root());
        VBox.setVgrow(pagesOrStart, Priority.ALWAYS);
        root.setCenter(center);
        root.setBottom(new StatusBarView(vm).root());
        ThemeStylesheets.bind(root, vm.themeProperty());
        ErrorDialogs.install(vm, this::window);
        vm.loop().noticeProperty().addListener((o, old, notice) -> {
            if (notice != null) {
                notices.show(notice);
            }
        });
    }

    /** Every page in navigation order, each its view's root adapted as a page of the shell. */
    private static List<PageView> pages(MainViewModel vm) {
        return List.of(
                PageView.of(Page.IDEAS, new IdeasView(vm.ideas()).root()),
                PageView.of(Page.REVIEW, new ReviewView(vm.review()).root()),
                PageView.of(Page.RUNS, new RunsView(vm.runs()).root()),
                PageView.of(Page.ANALYTICS, new AnalyticsView(vm.analytics()).root()),
                PageView.of(Page.LINEAGE, new LineageView(vm.lineage()).root()),
                PageView.of(Page.SETTINGS, new SettingsView(vm.settings()).root()));
    }

    /**
     * Prepares the pages not shown yet that take their first frames in steps, hidden, one at a time (see
     * {@link PagesAhead}), then runs {@code done}; for when the window rests. Without a window on screen, runs
     * {@code done} at once.
     */
    public void preparePages(Runnable done) {
        pagesAhead.prepare(pages.stream().map(PageView::page).toList(), done);
    }

    /** The window's pages, in navigation order. */
    public List<PageView> pages() {
        return pages;
    }

    private Parent root(Page page) {
        return byPage.get(page).root();
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
        stage.addEventHandler(WindowEvent.WINDOW_SHOWN, e -> PageFocus.into(root(vm.pageProperty().get())));
        return scene;
    }

    private Window window() {
        return root.getScene() == null ? null : root.getScene().getWindow();
    }
}
