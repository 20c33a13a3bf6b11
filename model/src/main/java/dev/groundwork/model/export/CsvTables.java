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
