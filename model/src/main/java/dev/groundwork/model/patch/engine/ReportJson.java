package dev.groundwork.model.patch.engine;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;

/** Apply reports as stored in the database: snake_case keys, wire-name enums, no nulls. */
final class ReportJson {

    private static final ObjectMapper JSON = new ObjectMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .setSerializationInclusion(JsonInclude.Include.NON_NULL)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private ReportJson() {}

    static String write(ApplyReport report) {
        try {
            return JSON.writeValueAsString(report);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("An apply report could not be written as JSON", e);
        }
    }

    static ApplyReport read(String json) {
        try {
            return JSON.readValue(json, ApplyReport.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Not an apply report: " + e.getOriginalMessage(), e);
        }
    }
}
