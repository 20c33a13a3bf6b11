package dev.groundwork.views.newstudy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * A file or folder of the researcher's code in the New Study window's tree. A file has a role; a folder's role is its
 * files' when they share one (empty when they differ), and setting it sets every file below.
 */
public final class FileNode {

    private final String name;
    private final String path;
    private final long bytes;
    private final boolean text;
    private final boolean folder;
    private final List<FileNode> children = new ArrayList<>();
    private final ObjectProperty<FileRole> role = new SimpleObjectProperty<>();

    private FileNode(String name, String path, long bytes, boolean text, boolean folder, FileRole role) {
        this.folder = folder;
        this.name = name;
        this.path = path;
        this.bytes = bytes;
        this.text = text;
        this.role.set(role);
    }

    static FileNode folder(String name, String path) {
        return new FileNode(name, path, 0, false, true, null);
    }

    static FileNode file(String name, String path, long bytes, boolean text, FileRole role) {
        return new FileNode(name, path, bytes, text, false, role);
    }

    public String name() {
        return name;
    }

    /** Relative to the code, with '/'; empty for the top. */
    public String path() {
        return path;
    }

    public boolean isFolder() {
        return folder;
    }

    /** A file's size; a folder's is the sum of its files'. */
    public long bytes() {
        return isFolder() ? files().stream().mapToLong(FileNode::bytes).sum() : bytes;
    }

    /** Whether the file is text the implementer could read (UTF-8, no NUL byte). */
    public boolean isText() {
        return text;
    }

    public List<FileNode> children() {
        return Collections.unmodifiableList(children);
    }

    void add(FileNode child) {
        children.add(child);
    }

    /** A file's role property; a folder's stays empty (see {@link #role()}). */
    public ObjectProperty<FileRole> roleProperty() {
        return role;
    }

    /** The role of a file, or of all the files of a folder when they share one. */
    public Optional<FileRole> role() {
        if (!isFolder()) {
            return Optional.ofNullable(role.get());
        }
        List<FileRole> roles = files().stream().map(file -> file.role.get()).distinct().toList();
        return roles.size() == 1 ? Optional.of(roles.getFirst()) : Optional.empty();
    }

    /** Sets a file's role, or that of every file below a folder. */
    public void setRole(FileRole value) {
        if (isFolder()) {
            files().forEach(file -> file.role.set(value));
        } else {
            role.set(value);
        }
    }

    /** The files at or below this node. */
    public List<FileNode> files() {
        if (!isFolder()) {
            return List.of(this);
        }
        List<FileNode> files = new ArrayList<>();
        children.forEach(child -> files.addAll(child.files()));
        return files;
    }
}
