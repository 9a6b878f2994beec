package io.sabot.runtime.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.sabot.api.resources.Reading;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class JsonEndpointTest {

    private static String render(Object value) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new JsonEndpoint("/x", () -> value).write(out);
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void readingsAreNumbersOrSayWhyTheyAreMissing() throws Exception {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("cpu", Reading.of(0.25));
        doc.put("allocated", Reading.unavailable("not measurable on a virtual thread"));
        doc.put("state", Optional.empty());

        String json = render(doc);

        assertThat(json).contains("\"cpu\" : 0.25")
                .contains("\"allocated\" : {\n    \"unavailable\" : \"not measurable on a virtual thread\"")
                .contains("\"state\" : null");
    }
}
