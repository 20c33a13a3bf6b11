package dev.groundwork.model.export;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Map;

/** Tables written as CSV with a header row, in the columns' order; the writer is left open. */
final class CsvTables {

    private CsvTables() {}

    static void write(List<String> columns, List<Map<String, Object>> rows, Writer out) throws IOException {
        mapper().writer(schema(columns)).writeValue(out, rows);
    }

    /** A row of {@code values} in the columns' order, by column name. */
    static Map<String, Object> row(List<String> columns, Object... values) {
        if (values.length != columns.size()) {
            throw new IllegalArgumentException(values.length + " values for " + columns.size() + " columns " + columns);
        }
        Map<String, Object> row = new java.util.LinkedHashMap<>();
        for (int i = 0; i < values.length; i++) {
            row.put(columns.get(i), values[i]);
        }
        return row;
    }

    static CsvSchema schema(List<String> columns) {
        CsvSchema.Builder schema = CsvSchema.builder().setUseHeader(true);
        columns.forEach(schema::addColumn);
        return schema.build();
    }

    static CsvMapper mapper() {
        CsvMapper csv = new CsvMapper();
        csv.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        return csv;
    }
}
