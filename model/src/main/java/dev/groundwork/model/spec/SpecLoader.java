package dev.groundwork.model.spec;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads a study's {@code groundwork.yaml} into a {@link StudySpec}, or reports every mistake in it as a
 * {@link SpecException}; nothing is half-loaded.
 *
 * <p>Three passes: a walk over the YAML tokens records where each key and value is (and rejects broken YAML and
 * duplicate keys), Jackson binds the keys into {@link SpecDocument} (the first unknown key or wrongly shaped value
 * stops it), and {@link SpecValidator} checks every value, reporting all problems at once.
 */
public final class SpecLoader {

    public static final String FILE_NAME = "groundwork.yaml";

    static final PropertyNamingStrategies.NamingBase NAMING = new PropertyNamingStrategies.SnakeCaseStrategy();

    private static final ObjectMapper MAPPER = YAMLMapper.builder()
            .propertyNamingStrategy(NAMING)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT) // 1.5 GPUs is a mistake, not 1 GPU
            .build();

    private SpecLoader() {}

    /** Loads {@code studyDir/groundwork.yaml}. */
    public static StudySpec loadStudy(Path studyDir) throws SpecException {
        return load(studyDir.resolve(FILE_NAME), studyDir);
    }

    /**
     * Loads a spec file; relative paths in it (the baseline) are resolved against {@code studyDir}, and problems
     * name the file relative to it.
     */
    public static StudySpec load(Path yamlFile, Path studyDir) throws SpecException {
        Path dir = studyDir.toAbsolutePath().normalize();
        Path file = dir.resolve(yamlFile).normalize();
        String name = file.startsWith(dir) ? dir.relativize(file).toString() : file.toString();
        return parse(read(file, name), name, dir);
    }

    /** Checks a spec's text as if it were the file {@code name} of {@code studyDir} (before it is written there). */
    static StudySpec parse(String yaml, String name, Path studyDir) throws SpecException {
        Path dir = studyDir.toAbsolutePath().normalize();
        SpecLocations where = SpecLocations.scan(name, yaml);
        Problems problems = new Problems(name, where);
        SpecDocument document;
        try {
            document = MAPPER.readValue(yaml, SpecDocument.class);
        } catch (JsonProcessingException e) {
            BindingErrors.report(e, where, problems);
            throw problems.exception();
        }
        StudySpec spec = new SpecValidator(problems, dir).validate(document);
        if (problems.count() > 0) {
            throw problems.exception();
        }
        return spec;
    }

    private static String read(Path file, String name) throws SpecException {
        try {
            return Files.readString(file);
        } catch (NoSuchFileException e) {
            throw fileProblem(name, "the file does not exist in " + file.getParent() + "; open a study folder, "
                    + "or create a study first.");
        } catch (CharacterCodingException e) {
            throw fileProblem(name, "the file is not UTF-8 text; save it as UTF-8.");
        } catch (IOException e) {
            throw fileProblem(name, "the file cannot be read (" + e + "); check that it is a file you may read.");
        }
    }

    private static SpecException fileProblem(String name, String sentence) {
        return new SpecException(List.of(new SpecProblem(name, 0, 0, "", sentence)));
    }
}
