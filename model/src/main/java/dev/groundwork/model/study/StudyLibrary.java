package dev.groundwork.model.study;

import dev.groundwork.model.common.Folders;
import dev.groundwork.model.intake.CodeSnapshot;
import dev.groundwork.model.intake.SpecText;
import dev.groundwork.model.intake.StudyPlan;
import dev.groundwork.model.settings.AppDirs;
import dev.groundwork.model.settings.SettingsStore;
import dev.groundwork.model.spec.SpecException;
import dev.groundwork.model.spec.SpecLoader;
import dev.groundwork.model.spec.StudySpec;
import dev.groundwork.model.store.DatabaseOpenException;
import dev.groundwork.model.store.StudyStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Creates study folders from templates or the researcher's own code, opens them (read-only when another process holds them), remembers recent ones. */
public final class StudyLibrary implements Studies {

    /** The template of the study a first launch creates. */
    public static final String DEMO_TEMPLATE = "charlm";

    /** Where a study made from the researcher's own code keeps it. */
    static final String BASELINE_DIR = "baseline";

    private final TemplateCatalog templates;
    private final SettingsStore settings;
    private final AppDirs dirs;
    private final Clock clock;

    public StudyLibrary(TemplateCatalog templates, SettingsStore settings, AppDirs dirs, Clock clock) {
        this.templates = templates;
        this.settings = settings;
        this.dirs = dirs;
        this.clock = clock;
    }

    @Override
    public List<TemplateInfo> templates() {
        return templates.templates();
    }

    @Override
    public StudyFolder create(Path dir, String template) throws StudyException {
        List<String> names = templates().stream().map(TemplateInfo::name).toList();
        if (!names.contains(template)) {
            throw new NotAStudyException("There is no template '" + template + "'; the templates are: "
                    + String.join(", ", names) + ".");
        }
        return make(dir, target -> {
            templates.copy(template, target);
            StudySpec spec = SpecLoader.loadStudy(target);
            BaselineRepository.initialize(target.resolve(spec.baseline().path()), "Baseline from the " + template + " template");
        });
    }

    @Override
    public StudyFolder createFrom(Path dir, CodeSnapshot code, StudyPlan plan) throws StudyException {
        return make(dir, target -> {
            Path baseline = target.resolve(BASELINE_DIR);
            code.writeTo(baseline);
            Files.writeString(target.resolve(StudyFolder.SPEC_FILE), SpecText.render(plan, code.origin(), BASELINE_DIR));
            SpecLoader.loadStudy(target);
            BaselineRepository.initialize(baseline, code.origin().commitMessage());
        });
    }

    @FunctionalInterface
    private interface Filling {
        void fill(Path target) throws IOException, SpecException, StudyException;
    }

    /** Makes a study folder with {@code filling}, then its runs folder, and opens it; a failure leaves nothing behind. */
    private StudyFolder make(Path dir, Filling filling) throws StudyException {
        Path target = dir.toAbsolutePath().normalize();
        boolean created = !Files.exists(target);
        if (!created && !isEmptyDirectory(target)) {
            throw new NotAStudyException(target + " already exists and is not empty; choose a new folder (Groundwork"
                    + " never writes a study into a folder that holds other files).");
        }
        try {
            Files.createDirectories(target);
            filling.fill(target);
            Files.createDirectories(target.resolve(StudyFolder.RUNS_DIR));
            return open(target);
        } catch (IOException | RuntimeException | SpecException | StudyException e) {
            removeQuietly(target, created);
            if (e instanceof StudyException study) {
                throw study;
            }
            throw new StudyException("Creating the study in " + target + " failed (" + e.getMessage() + "); nothing was"
                    + " left behind. Check that the folder is writable.", e);
        }
    }

    @Override
    public StudyFolder open(Path dir) throws StudyException {
        Path study = dir.toAbsolutePath().normalize();
        if (!Files.isDirectory(study)) {
            throw new NotAStudyException("There is no folder " + study + "; create a study there first.", study);
        }
        if (!Files.isRegularFile(study.resolve(StudyFolder.SPEC_FILE))) {
            throw new NotAStudyException(study + " is not a Groundwork study: it has no " + StudyFolder.SPEC_FILE
                    + ". Choose the study's own folder, or create a study there first.", study);
        }
        StudySpec spec;
        try {
            spec = SpecLoader.loadStudy(study);
        } catch (SpecException e) {
            throw new InvalidSpecException(e);
        }
        BaselineRepository baseline = new BaselineRepository(study.resolve(spec.baseline().path()));
        if (!baseline.isRepository()) {
            throw new StudyException(baseline.dir() + " is not a git repository; make it one with `git init -b main && git add"
                    + " -A && git commit -m baseline` inside it, then open the study again.");
        }
        StudyLock.Result lock = acquireLock(study);
        StudyStore store;
        try {
            Path database = study.resolve(StudyFolder.DATABASE_FILE);
            store = lock.lock() != null
                    ? StudyStore.openWritable(database, clock)
                    : StudyStore.openReadOnly(database, lock.heldBy(), clock);
        } catch (DatabaseOpenException e) {
            if (lock.lock() != null) {
                lock.lock().close();
            }
            throw new StudyException(e.getMessage(), e);
        }
        if (lock.lock() != null) {
            settings.update(current -> current.withRecent(study));
        }
        return new StudyFolder(study, spec, store, lock.lock());
    }

    private static StudyLock.Result acquireLock(Path study) throws StudyException {
        try {
            return StudyLock.acquire(study);
        } catch (IOException e) {
            if (Files.isWritable(study)) {
                throw new StudyException("Could not lock " + study + " (" + e.getMessage() + "); check the folder's"
                        + " permissions.", e);
            }
            return new StudyLock.Result(null, "its folder is not writable");
        }
    }

    @Override
    public StudyFolder openDemo() throws StudyException {
        Path demo = dirs.demoStudy();
        if (Files.isRegularFile(demo.resolve(StudyFolder.SPEC_FILE))) {
            return open(demo);
        }
        return create(demo, DEMO_TEMPLATE);
    }

    @Override
    public List<Path> recent() {
        return settings.get().recentStudies().stream()
                .map(Path::of)
                .filter(path -> Files.isRegularFile(path.resolve(StudyFolder.SPEC_FILE)))
                .collect(Collectors.toList());
    }

    private static boolean isEmptyDirectory(Path dir) {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.findAny().isEmpty();
        } catch (IOException e) {
            return false;
        }
    }

    /** Removes what a failed create made: the whole folder when it made it, else only the folder's new contents. */
    private static void removeQuietly(Path dir, boolean removeDir) {
        try {
            if (removeDir) {
                Folders.deleteTree(dir);
            } else {
                Folders.deleteContents(dir);
            }
        } catch (IOException ignored) {
            // best effort: the error reported to the user names the folder
        }
    }
}
