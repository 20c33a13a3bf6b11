package dev.groundwork.views.shell;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import dev.groundwork.views.newstudy.NewStudyWizardView;
import javafx.collections.ListChangeListener;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.stage.DirectoryChooser;
import javafx.stage.Window;

/** File and View menus; their accelerators are the window's keyboard shortcuts. */
final class MainMenu {

    private static final KeyCode[] DIGITS = {KeyCode.DIGIT1, KeyCode.DIGIT2, KeyCode.DIGIT3, KeyCode.DIGIT4, KeyCode.DIGIT5, KeyCode.DIGIT6};

    private final MainViewModel vm;
    private final List<PageView> pages;
    private final Supplier<Window> window;
    private final MenuBar menuBar = new MenuBar();

    MainMenu(MainViewModel vm, List<PageView> pages, Supplier<Window> window) {
        this.vm = vm;
        this.pages = pages;
        this.window = window;
        menuBar.setId("menu-bar");
        menuBar.getMenus().addAll(fileMenu(), loopMenu(), viewMenu());
    }

    MenuBar menuBar() {
        return menuBar;
    }

    private Menu fileMenu() {
        MenuItem open = item("Open study…", "menu-open", shortcut(KeyCode.O));
        open.setOnAction(e -> chooseStudy());
        // Ctrl+N is the Ideas page's "seed an idea"; one key must mean one thing wherever the focus is.
        MenuItem create = item("New study…", "menu-new",
                new KeyCodeCombination(KeyCode.N, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN));
        create.setOnAction(e -> createStudy());
        MenuItem quit = item("Quit", "menu-quit", shortcut(KeyCode.Q));
        quit.setOnAction(e -> quit());
        return new Menu("File", null, open, create, recentMenu(), new SeparatorMenuItem(), quit);
    }

    private Menu loopMenu() {
        MenuItem run = item("Run the loop", "menu-loop-run", shortcut(KeyCode.R));
        run.setOnAction(event -> vm.loop().start());
        run.disableProperty().bind(vm.loop().canStartProperty().not());
        MenuItem stop = item("Stop the loop", "menu-loop-stop",
                new KeyCodeCombination(KeyCode.R, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN));
        stop.setOnAction(event -> vm.loop().stop());
        stop.disableProperty().bind(vm.loop().runningProperty().not());
        MenuItem pause = item("Pause the loop", "menu-loop-pause",
                new KeyCodeCombination(KeyCode.P, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN));
        pause.setOnAction(event -> vm.loop().pause());
        pause.disableProperty().bind(vm.loop().stateProperty().isNotEqualTo(LoopViewModel.State.RUNNING));
        return new Menu("Loop", null, run, pause, stop);
    }

    private Menu viewMenu() {
        Menu view = new Menu("View");
        for (PageView page : pages) {
            MenuItem go = item(page.title(), "menu-page-" + page.key(), shortcut(DIGITS[page.page().shortcut() - 1]));
            go.setOnAction(e -> vm.pageProperty().set(page.page()));
            view.getItems().add(go);
        }
        MenuItem refresh = item("Refresh", "menu-refresh", new KeyCodeCombination(KeyCode.F5));
        refresh.setOnAction(e -> vm.refreshStatus());
        refresh.disableProperty().bind(vm.studyProperty().isNull());
        MenuItem theme = item("Toggle dark theme", "menu-theme",
                new KeyCodeCombination(KeyCode.T, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN));
        theme.setOnAction(e -> vm.toggleTheme());
        view.getItems().addAll(new SeparatorMenuItem(), refresh, theme);
        return view;
    }

    private Menu recentMenu() {
        Menu recent = new Menu("Open recent");
        recent.setId("menu-recent");
        // Studies come and go outside the app: read the list each time the menu opens.
        recent.setOnShowing(e -> vm.refreshRecent());
        vm.recentStudies().addListener((ListChangeListener<Path>) change -> fillRecent(recent));
        fillRecent(recent);
        return recent;
    }

    private void fillRecent(Menu recent) {
        recent.getItems().clear();
        for (Path dir : vm.recentStudies()) {
            MenuItem open = new MenuItem(dir.toString());
            open.setMnemonicParsing(false);
            open.setOnAction(e -> vm.openStudy(dir));
            recent.getItems().add(open);
        }
        if (recent.getItems().isEmpty()) {
            MenuItem none = new MenuItem("No recent studies");
            none.setDisable(true);
            recent.getItems().add(none);
        }
    }

    void chooseStudy() {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle("Open study");
        File start = vm.suggestedFolder().toFile();
        if (start.isDirectory()) {
            chooser.setInitialDirectory(start);
        }
        File chosen = chooser.showDialog(window.get());
        if (chosen != null) {
            vm.openStudy(chosen.toPath());
        }
    }

    /** Opens the New Study window over the main one. */
    void createStudy() {
        new NewStudyWizardView(vm.newStudyWizard()).show(window.get(), vm.themeProperty().get());
    }

    private void quit() {
        vm.shutdown();
        Window current = window.get();
        if (current != null) {
            current.hide();
        }
    }

    private static MenuItem item(String text, String id, KeyCombination accelerator) {
        MenuItem item = new MenuItem(text);
        item.setId(id);
        item.setAccelerator(accelerator);
        return item;
    }

    private static KeyCombination shortcut(KeyCode key) {
        return new KeyCodeCombination(key, KeyCombination.SHORTCUT_DOWN);
    }
}
