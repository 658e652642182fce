package org.openoqs.core.xml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.openoqs.core.error.ErrorCode;

class JsonMirrorTest {

    @Test
    void leavesAreStringsAndRepeatsAreArrays() {
        XmlNode x = XmlNode.builder("XmlMsg")
                .child("MessageHeader", h -> h.leaf("MedicalInstitutionCode", "0113810014").leaf("Empty", ""))
                .child("MessageBody", b -> b
                        .child("ResultList", l -> l.child("ResultOfQualificationConfirmation", r -> r.leaf("InsurerNumber", "  279919")))
                        .leaf("Repeated", "1").leaf("Repeated", "2"))
                .build();
        String json = JsonMirror.toJson(x);
        assertThat(json).isEqualTo("{\"XmlMsg\":{\"MessageHeader\":{\"MedicalInstitutionCode\":\"0113810014\",\"Empty\":\"\"},"
                + "\"MessageBody\":{\"ResultList\":{\"ResultOfQualificationConfirmation\":[{\"InsurerNumber\":\"  279919\"}]},"
                + "\"Repeated\":[\"1\",\"2\"]}}}");
        assertThat(JsonMirror.fromJson(json)).isEqualTo(x);
    }

    @Test
    void readingAcceptsSingleObjectsArraysNumbersAndNulls() {
        String json = "{\"XmlMsg\":{\"MessageHeader\":{\"A\":12,\"B\":true,\"C\":null},"
                + "\"MessageBody\":{\"ResultList\":[{\"ResultOfQualificationConfirmation\":{\"Name\":\"山田\"}},"
                + "{\"ResultOfQualificationConfirmation\":{\"Name\":\"田中\"}}]}}}";
        XmlNode x = JsonMirror.fromJson(json);
        assertThat(x.path("MessageHeader").orElseThrow().text("A")).contains("12");
        assertThat(x.path("MessageHeader").orElseThrow().text("B")).contains("true");
        assertThat(x.path("MessageHeader").orElseThrow().child("C")).isEmpty();
        assertThat(x.path("MessageBody").orElseThrow().children("ResultList")).hasSize(2);
    }

    @Test
    void attributesUseAtKeys() {
        XmlNode x = XmlNode.builder("A").attribute("id", "1").text("t").build();
        assertThat(JsonMirror.toJson(x)).isEqualTo("{\"A\":{\"@id\":\"1\",\"#text\":\"t\"}}");
        assertThat(JsonMirror.fromJson(JsonMirror.toJson(x))).isEqualTo(x);
    }

    @Test
    void rejectsNonObjectRootsAndOtherJunk() {
        for (String bad : new String[] {"[1,2]", "\"XmlMsg\"", "42", "{}", "{\"A\":{},\"B\":{}}", "{\"A\":[[1]]}",
                "{not json", "{\"A\":{\"<x>\":\"1\"}}", "{\"A\":[{},{}]}"}) {
            assertThatThrownBy(() -> JsonMirror.fromJson(bad)).as(bad)
                    .isInstanceOf(JsonRejectedException.class)
                    .extracting(t -> ((JsonRejectedException) t).errorCode()).isEqualTo(ErrorCode.MALFORMED_JSON);
        }
        assertThatThrownBy(() -> JsonMirror.fromJson("[]")).hasMessageContaining("オブジェクト");
        assertThatThrownBy(() -> JsonMirror.fromJson(" ")).isInstanceOf(JsonRejectedException.class)
                .extracting(t -> ((JsonRejectedException) t).errorCode()).isEqualTo(ErrorCode.EMPTY_FILE);
        assertThatThrownBy(() -> JsonMirror.fromJson("null")).isInstanceOf(JsonRejectedException.class);
    }

    @Test
    void deepJsonIsRefused() {
        String deep = "{\"A\":".repeat(40) + "\"x\"" + "}".repeat(40);
        assertThatThrownBy(() -> JsonMirror.fromJson(deep)).isInstanceOf(JsonRejectedException.class)
                .extracting(t -> ((JsonRejectedException) t).errorCode()).isEqualTo(ErrorCode.XML_TOO_COMPLEX);
    }
}
