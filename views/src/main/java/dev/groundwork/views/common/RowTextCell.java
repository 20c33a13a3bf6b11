package dev.groundwork.views.common;

import java.util.function.Function;
import javafx.scene.control.TableCell;

/** A cell showing a text of its row; with a style prefix, also the style class prefix + that text (a status colour). */
public class RowTextCell<R> extends TableCell<R, R> {

    private final Function<R, String> text;
    private final String stylePrefix;

    public RowTextCell(Function<R, String> text, String stylePrefix) {
        this.text = text;
        this.stylePrefix = stylePrefix;
    }

    @Override
    protected void updateItem(R row, boolean empty) {
        super.updateItem(row, empty);
        String shown = empty || row == null ? null : text.apply(row);
        setText(shown);
        if (!stylePrefix.isEmpty()) {
            getStyleClass().removeIf(style -> style.startsWith(stylePrefix));
            if (shown != null) {
                getStyleClass().add(stylePrefix + shown);
            }
        }
    }
}
