package dev.groundwork.views.fakes;

import dev.groundwork.model.study.Studies;
import dev.groundwork.model.study.Study;
import dev.groundwork.model.study.StudyException;
import dev.groundwork.model.study.TemplateInfo;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CopyOnWriteArrayList;

/** Studies served from a map: a folder opens its study, or throws the exception registered for it. */
public final class FakeStudies implements Studies {

    private final Map<Path, Study> studies = new HashMap<>();
    private final Map<Path, StudyException> failures = new HashMap<>();
    private final List<Path> recent = new CopyOnWriteArrayList<>();
    private final Map<Path, CountDownLatch> holds = new HashMap<>();
    private final List<String> created = new ArrayList<>();
    private Study demo;

    public FakeStudies with(Study study) {
        studies.put(study.dir(), study);
        return this;
    }

    public FakeStudies failing(Path dir, String message) {
        failures.put(dir, new StudyException(message));
        return this;
    }

    /** Makes opening {@code dir} wait for {@code release}, as a slow disk would. */
    public FakeStudies holdOpen(Path dir, CountDownLatch release) {
        holds.put(dir, release);
        return this;
    }

    public FakeStudies withDemo(Study study) {
        demo = study;
        return this;
    }

    /** What {@link #create} was asked for, as "dir from template". */
    public List<String> created() {
        return created;
    }

    public List<Path> recentList() {
        return recent;
    }

    @Override
    public List<TemplateInfo> templates() {
        return List.of(new TemplateInfo("charlm", "Character-level language model, CPU only"),
                new TemplateInfo("nanogpt", "nanoGPT speedrun, one GPU"));
    }

    @Override
    public Study create(Path dir, String template) throws StudyException {
        created.add(dir + " from " + template);
        Study study = FakeStudy.writable(dir.getFileName().toString(), dir);
        studies.put(dir, study);
        return opened(study);
    }

    @Override
    public Study createFrom(Path dir, dev.groundwork.model.intake.CodeSnapshot code,
                            dev.groundwork.model.intake.StudyPlan plan) throws StudyException {
        created.add(dir + " from " + code.origin().path());
        Study study = FakeStudy.writable(plan.name(), dir);
        studies.put(dir, study);
        return opened(study);
    }

    @Override
    public Study open(Path dir) throws StudyException {
        awaitRelease(dir);
        if (failures.containsKey(dir)) {
            throw failures.get(dir);
        }
        Study study = studies.get(dir);
        if (study == null) {
            throw new StudyException(dir + " is not a study folder: it has no groundwork.yaml.");
        }
        return opened(study);
    }

    @Override
    public Study openDemo() throws StudyException {
        if (demo == null) {
            throw new StudyException("The demo study could not be created.");
        }
        return opened(demo);
    }

    @Override
    public List<Path> recent() {
        return List.copyOf(recent);
    }

    private void awaitRelease(Path dir) throws StudyException {
        CountDownLatch release = holds.get(dir);
        if (release == null) {
            return;
        }
        try {
            release.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StudyException("Opening " + dir + " was interrupted.");
        }
    }

    private Study opened(Study study) {
        recent.remove(study.dir());
        recent.addFirst(study.dir());
        return study;
    }
}
