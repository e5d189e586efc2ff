package kz.migration.monitor.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.time.Instant;
import kz.migration.monitor.event.Alert;
import kz.migration.monitor.event.AlertDetails;
import kz.migration.monitor.event.AlertType;
import kz.migration.monitor.event.Region;
import kz.migration.monitor.event.Severity;
import org.junit.jupiter.api.Test;

/** subjectRef is the lowercase hex HMAC-SHA256 of the UTF-8 personId under the UTF-8 key. */
class PseudonymiserTest {

    @Test
    void matchesRfc4231TestCase2() {
        assertThat(new Pseudonymiser("Jefe").subjectRef("what do ya want for nothing?"))
                .isEqualTo("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
    }

    @Test
    void matchesRfc4231TestCase1() {
        // Key: twenty 0x0b bytes, which are also twenty U+000B characters in UTF-8.
        assertThat(new Pseudonymiser("\u000b".repeat(20)).subjectRef("Hi There"))
                .isEqualTo("b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7");
    }

    @Test
    void isLowercaseHexOfThirtyTwoBytesAndStable() {
        Pseudonymiser p = new Pseudonymiser("k");

        String ref = p.subjectRef("870412300123");

        assertThat(ref).matches("[0-9a-f]{64}");
        assertThat(p.subjectRef("870412300123")).isEqualTo(ref);
        assertThat(p.subjectRef("870412300124")).isNotEqualTo(ref);
        assertThat(new Pseudonymiser("other").subjectRef("870412300123")).isNotEqualTo(ref);
    }

    @Test
    void alertJsonCarriesThePseudonymNotThePersonId() {
        String personId = "N1234567";
        String ref = new Pseudonymiser("k").subjectRef(personId);
        Alert a =
                Alert.builder(AlertType.OVERSTAY)
                        .severity(Severity.WARNING)
                        .raisedAt(Instant.EPOCH)
                        .subjectRef(ref)
                        .region(Region.KZ_71)
                        .citizenship("UZB")
                        .details(new AlertDetails.Overstay(1))
                        .identity(ref + "|1")
                        .build();

        String json = OutputJson.alert(a);

        assertThat(json).contains(ref).doesNotContain(personId);
    }

    @Test
    void survivesSerialisationAsFlinkShipsIt() throws Exception {
        Pseudonymiser p = new Pseudonymiser("Jefe");
        p.subjectRef("warm up the transient Mac");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(p);
        }
        Pseudonymiser copy;
        try (ObjectInputStream in =
                new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            copy = (Pseudonymiser) in.readObject();
        }

        assertThat(copy.subjectRef("what do ya want for nothing?"))
                .isEqualTo("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
    }

    @Test
    void refusesAMissingKey() {
        assertThatThrownBy(() -> new Pseudonymiser(null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(Pseudonymiser.KEY_VARIABLE);
        assertThatThrownBy(() -> new Pseudonymiser(""))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void neverPrintsItsKey() {
        assertThat(new Pseudonymiser("s3cret-pseudonym-key").toString())
                .doesNotContain("s3cret-pseudonym-key");
    }

    @Test
    void aCopyGivesTheSameSubjectRefs() {
        Pseudonymiser p = new Pseudonymiser("Jefe");

        assertThat(p.copy()).isNotSameAs(p);
        assertThat(p.copy().subjectRef("what do ya want for nothing?"))
                .isEqualTo(p.subjectRef("what do ya want for nothing?"));
    }
}
