package dev.groundwork.views.shell;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import javafx.scene.Parent;

/**
 * A page of the main window as the shell sees it: which {@link Page} it is, its title (the sidebar's entry and the
 * menu's item), its key (the node ids {@code nav-KEY} and {@code page-KEY}, and what {@code groundwork snapshot --page}
 * takes) and its root node. The shell iterates its pages rather than wiring each one. The pages do not implement it
 * themselves (the shell depends on them, not they on the shell): {@link #of} adapts a page's root.
 */
public interface PageView {

    Page page();

    Parent root();

    default String key() {
        return page().key();
    }

    default String title() {
        return page().title();
    }

    /** A page's root node as a page of the shell. */
    static PageView of(Page page, Parent root) {
        record Adapted(Page page, Parent root) implements PageView {}
        return new Adapted(page, root);
    }

    /** The pages by page, checking that every page of {@link Page} has exactly one view. */
    static Map<Page, PageView> byPage(List<PageView> views) {
        Map<Page, PageView> byPage = new EnumMap<>(Page.class);
        for (PageView view : views) {
            if (byPage.put(view.page(), view) != null) {
                throw new IllegalArgumentException("Two views for the " + view.title() + " page.");
            }
        }
        if (byPage.size() != Page.values().length) {
            throw new IllegalArgumentException("No view for the pages " + Arrays.stream(Page.values())
                    .filter(page -> !byPage.containsKey(page)).map(Page::title).toList() + ".");
        }
        return byPage;
    }
}
