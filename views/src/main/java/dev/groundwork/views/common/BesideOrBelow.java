package dev.groundwork.views.common;

import java.util.List;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.layout.Pane;

/**
 * Two sections side by side where the row has room for the first at its preferred width and the second at a width
 * still worth reading; otherwise the second below the first, both as wide as the row. An HBox squeezes both alike: on
 * a 1280 px window the Analytics page's leaderboard lost a fifth of its width, which cut its ideas' labels to a few
 * characters and hid its cost columns behind a scroll bar, to leave the curves beside it a chart too narrow to read.
 * Beside, the two are as tall as the taller one (a chart beside a table fills the row).
 */
public final class BesideOrBelow extends Pane {

    private final double gap;
    private final double secondLeastWidth;

    /**
     * @param gap space between the two, across or down
     * @param secondLeastWidth the least width at which the second section goes beside the first
     */
    public BesideOrBelow(double gap, double secondLeastWidth) {
        this.gap = gap;
        this.secondLeastWidth = secondLeastWidth;
    }

    /** Whether the sections are side by side at this width of the whole pane. */
    public boolean besideAt(double width) {
        List<Node> sections = sections();
        if (sections.size() < 2) {
            return true;
        }
        Insets insets = getInsets();
        return width - insets.getLeft() - insets.getRight() >= firstWidth(sections.getFirst()) + gap + secondLeastWidth;
    }

    /** Whether the sections are side by side now. */
    public boolean beside() {
        return besideAt(getWidth());
    }

    @Override
    public Orientation getContentBias() {
        return Orientation.HORIZONTAL;
    }

    @Override
    protected double computeMinWidth(double height) {
        double widest = sections().stream().mapToDouble(node -> node.minWidth(-1)).max().orElse(0);
        return widest + getInsets().getLeft() + getInsets().getRight();
    }

    @Override
    protected double computePrefWidth(double height) {
        List<Node> sections = sections();
        double width = switch (sections.size()) {
            case 0 -> 0;
            case 1 -> firstWidth(sections.getFirst());
            default -> firstWidth(sections.getFirst()) + gap
                    + Math.max(secondLeastWidth, snapSizeX(sections.get(1).prefWidth(-1)));
        };
        return width + getInsets().getLeft() + getInsets().getRight();
    }

    @Override
    protected double computeMinHeight(double width) {
        return height(width, false);
    }

    @Override
    protected double computePrefHeight(double width) {
        return height(width, true);
    }

    @Override
    protected void layoutChildren() {
        List<Node> sections = sections();
        if (sections.isEmpty()) {
            return;
        }
        Insets insets = getInsets();
        double x = insets.getLeft();
        double y = insets.getTop();
        double width = getWidth() - x - insets.getRight();
        double height = getHeight() - y - insets.getBottom();
        Node first = sections.getFirst();
        if (sections.size() == 1) {
            first.resizeRelocate(x, y, beside() ? Math.min(width, firstWidth(first)) : width, height);
        } else if (beside()) {
            double firstWidth = firstWidth(first);
            first.resizeRelocate(x, y, firstWidth, height);
            sections.get(1).resizeRelocate(snapPositionX(x + firstWidth + gap), y, width - firstWidth - gap, height);
        } else {
            double firstHeight = snapSizeY(first.prefHeight(width));
            first.resizeRelocate(x, y, width, firstHeight);
            double below = snapPositionY(y + firstHeight + gap);
            sections.get(1).resizeRelocate(x, below, width, Math.max(0, y + height - below));
        }
    }

    /** The pane's height at {@code width} (its own, -1 for its preferred), from its sections' preferred or least. */
    private double height(double width, boolean preferred) {
        List<Node> sections = sections();
        Insets insets = getInsets();
        double across = width < 0 ? prefWidth(-1) : width;
        double inner = across - insets.getLeft() - insets.getRight();
        double height = 0;
        if (sections.size() == 1) {
            height = height(sections.getFirst(), besideAt(across) ? firstWidth(sections.getFirst()) : inner, preferred);
        } else if (sections.size() > 1 && besideAt(across)) {
            double firstWidth = firstWidth(sections.getFirst());
            height = Math.max(height(sections.getFirst(), firstWidth, preferred),
                    height(sections.get(1), inner - firstWidth - gap, preferred));
        } else if (sections.size() > 1) {
            height = height(sections.getFirst(), inner, preferred) + gap + height(sections.get(1), inner, preferred);
        }
        return height + insets.getTop() + insets.getBottom();
    }

    private double height(Node node, double width, boolean preferred) {
        return snapSizeY(preferred ? node.prefHeight(width) : node.minHeight(width));
    }

    private double firstWidth(Node first) {
        return snapSizeX(Math.max(first.minWidth(-1), first.prefWidth(-1)));
    }

    private List<Node> sections() {
        return getManagedChildren().stream().limit(2).toList();
    }
}
