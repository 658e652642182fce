package org.openoqs.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openoqs.core.code.CharacterCode;
import org.openoqs.core.codec.eps.PrescriptionDocuments;
import org.openoqs.core.eps.InsuredPatient;
import org.openoqs.core.eps.Medication;
import org.openoqs.core.eps.PrescriptionDocument;
import org.openoqs.core.population.Persona;
import org.openoqs.core.population.Personas;
import org.openoqs.core.registry.Qualification;
import org.openoqs.core.xml.XmlDocumentReader;
import org.openoqs.core.xml.XmlDocumentWriter;
import org.openoqs.core.xml.XmlNode;
import org.openoqs.pki.TrustStores;

/**
 * Issue 18 "Done when": the real {@code oqs demo} process serves the medical-information PDFs (薬剤情報 and
 * 特定健診, file category 1) and the 電子処方箋 控え with Japanese text — PDFBox extracts the patient's name from each
 * — drawn with the font the product ships, whatever the machine has installed.
 *
 * <p>Everything as a user does it: the patient confirms on the demo's reader with consent ({@code oqs reader
 * confirm}); the レセコン drops requests into {@code req}; 電子処方箋, off by default (the seed's 利用しない), is switched
 * on in the portal's 環境設定 by an administrator the master account created (the portal's forms over HTTPS with the
 * facility certificate, CSRF token and session cookie, as a browser sends them); the doctor's certificate and the
 * signed prescription come from {@code oqs eps issue-doctor} and {@code oqs eps sign}.
 */
class DemoJapanesePdfsIT {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String DOCTOR = "試験　一郎";

    @TempDir
    Path home;

    @Test
    void medicalInformationPdfsAndThePrescriptionCopyCarryThePatientsNameInJapanese() throws Exception {
        Persona taro = Personas.byKey("shaho-honnin").orElseThrow();
        String name = taro.person().name();
        assertThat(name).isEqualTo("山田　太郎");
        try (DemoProcess demo = DemoProcess.start(home)) {
            Properties props = demo.properties();
            DemoProcess.Completed confirmed = DemoProcess.run("reader", "confirm", "--home", home.toString(),
                    "--card", "P000000000000001", "--method", "face", "--consent", "drug,checkup");
            assertThat(confirmed.exitCode()).as(confirmed.output()).isZero();

            for (String system : List.of("YZK", "TKK")) {
                String id = "pdf-" + system.toLowerCase(Locale.ROOT);
                Folders.drop(demo.req(), system + "siquc01req_" + id + ".xml",
                        medicalRequest(props, id, taro).getBytes(StandardCharsets.UTF_8));
                byte[] pdf = Folders.awaitFile(demo.res().resolve(system + "siquc01res_" + id + ".pdf"), WAIT);
                assertThat(textOf(pdf)).as(system).contains(name, "生年月日");
            }

            Portal portal = new Portal(props);
            String before = registerPrescription(demo, props, taro, "rx-before");
            assertThat(before).as("電子処方箋 is off in a new demo").contains("EPSA1001E");
            portal.switchEPrescriptionOn();

            String registered = registerPrescription(demo, props, taro, "rx-after");
            String prescriptionId = field(registered, "PrescriptionId");
            String accessCode = field(registered, "AccessCode");
            assertThat(accessCode).as(registered).matches("\\d{10}");
            String copyRequest = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><XmlMsg><MessageHeader>"
                    + "<MedicalInstitutionCode>" + props.getProperty("institution.code") + "</MedicalInstitutionCode>"
                    + "<ArbitraryFileIdentifier>rx-copy</ArbitraryFileIdentifier></MessageHeader><MessageBody>"
                    + "<PrescriptionId>" + prescriptionId + "</PrescriptionId></MessageBody></XmlMsg>";
            Folders.drop(demo.req(), "EPSsicpy01req_rx-copy.xml", copyRequest.getBytes(StandardCharsets.UTF_8));
            byte[] copy = Folders.awaitFile(demo.res().resolve("EPSsicpy01res_rx-copy.pdf"), WAIT);
            assertThat(textOf(copy)).contains("処方内容（控え）", name, accessCode, DOCTOR, "デモ試験錠5mg");
        }
    }

    /** 処方箋登録 through {@code req}: a document signed with {@code oqs eps sign}; returns the result XML. */
    private String registerPrescription(DemoProcess demo, Properties props, Persona patient, String id)
            throws Exception {
        Path p12 = home.resolve("doctor.p12");
        if (!Files.exists(p12)) {
            DemoProcess.Completed issued = DemoProcess.run("eps", "issue-doctor", "--ca", home.resolve("ca").toString(),
                    "--name", DOCTOR, "--out", p12.toString(), "--password", "doctor-pw");
            assertThat(issued.exitCode()).as(issued.output()).isZero();
        }
        Qualification q = patient.qualifications().get(0);
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Tokyo"));
        Path document = home.resolve(id + ".xml");
        Files.write(document, PrescriptionDocuments.write(new PrescriptionDocument(props.getProperty("institution.code"),
                DemoSystemFacts.FACILITY_NAME, DOCTOR, today, null,
                new InsuredPatient(q.insurerNumber().fileForm(), q.insuredCardSymbol(), q.insuredIdentificationNumber(),
                        q.insuredBranchNumber(), patient.person().name(), patient.person().nameKana(),
                        patient.person().birthdate(), "1"),
                List.of(new Medication(null, "デモ試験錠5mg", "2", "錠", "1日2回朝夕食後", 7)), null)));
        DemoProcess.Completed signed = DemoProcess.run("eps", "sign", "--p12", p12.toString(), "--password",
                "doctor-pw", "--document", document.toString());
        assertThat(signed.exitCode()).as(signed.output()).isZero();
        String prescriptionInfo = signed.output().strip().lines().reduce((a, b) -> b).orElseThrow();
        XmlNode request = XmlNode.builder("XmlMsg")
                .child("MessageHeader", h -> h.leaf("MedicalInstitutionCode", props.getProperty("institution.code"))
                        .leaf("ArbitraryFileIdentifier", id))
                .child("MessageBody", b -> b.leaf("PrescriptionInfo", prescriptionInfo).leaf("IssueType", "1")).build();
        Folders.drop(demo.req(), "EPSsireg01req_" + id + ".xml",
                new XmlDocumentWriter().writeBytes(request, CharacterCode.UTF_8));
        byte[] result = Folders.awaitFile(demo.res().resolve("EPSsireg01res_" + id + ".xml"), WAIT);
        new XmlDocumentReader().read(result); // well-formed
        return new String(result, StandardCharsets.UTF_8);
    }

    private static String medicalRequest(Properties props, String id, Persona persona) {
        Qualification q = persona.qualifications().get(0);
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><XmlMsg><MessageHeader><MedicalInstitutionCode>"
                + props.getProperty("institution.code") + "</MedicalInstitutionCode><InsurerNumber>"
                + q.insurerNumber().fileForm() + "</InsurerNumber>"
                + (q.insuredCardSymbol() == null ? "" : "<InsuranceCardSymbol>" + q.insuredCardSymbol() + "</InsuranceCardSymbol>")
                + "<InsuredPersonIdentificationNumber>" + q.insuredIdentificationNumber()
                + "</InsuredPersonIdentificationNumber>"
                + (q.insuredBranchNumber() == null ? "" : "<BranchNumber>" + q.insuredBranchNumber() + "</BranchNumber>")
                + "<ArbitraryFileIdentifier>" + id + "</ArbitraryFileIdentifier></MessageHeader><MessageBody>"
                + "<FileCategory>1</FileCategory><MedicalTreatmentFlag>1</MedicalTreatmentFlag>"
                + "</MessageBody></XmlMsg>";
    }

    private static String textOf(byte[] pdf) throws Exception {
        assertThat(new String(pdf, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }

    private static String field(String xml, String element) {
        Matcher m = Pattern.compile("<" + element + ">([^<]*)</" + element + ">").matcher(xml);
        assertThat(m.find()).as(element + " in " + xml).isTrue();
        return m.group(1);
    }

    /**
     * The portal as a browser uses it: HTTPS with the facility's certificate (as the facility's PC presents it),
     * the session cookie and each page's CSRF token posted back with the form.
     */
    private static final class Portal {
        private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
        private static final Pattern CHECKED = Pattern.compile(
                "<input type=\"radio\" name=\"(\\w+)\" value=\"(\\w+)\"[^>]*\\bchecked\\b");

        private final Properties props;
        private final URI base;
        private final HttpClient client;
        private String session;
        private String csrf;

        Portal(Properties props) throws Exception {
            this.props = props;
            this.base = URI.create(props.getProperty("web.url"));
            char[] password = props.getProperty("client.p12.password").toCharArray();
            this.client = HttpClient.newBuilder().sslContext(TrustStores.clientContext(
                            Path.of(props.getProperty("client.p12")), password,
                            Path.of(props.getProperty("terminal.home")).resolve("trust.p12"), password))
                    .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();
        }

        /** The master creates an administrator; the administrator sets 電子処方箋 to 電子＋紙併用 in 環境設定. */
        void switchEPrescriptionOn() throws Exception {
            signInFirstTime(props.getProperty("master.user"), props.getProperty("master.password"), "Demo#Master-2026");
            get("accounts");
            HttpResponse<String> issued = post("accounts", Map.of("kind", "ADMIN", "displayName", "管理 花子"));
            assertThat(issued.statusCode()).as(issued.body()).isEqualTo(200);
            String adminId = element(issued.body(), "issued-id");
            String adminInitial = element(issued.body(), "issued-password");
            post("logout", Map.of());
            session = null;

            signInFirstTime(adminId, adminInitial, "Demo#Admin-2026");
            HttpResponse<String> form = get("settings");
            Map<String, String> values = new LinkedHashMap<>();
            Matcher checked = CHECKED.matcher(form.body());
            while (checked.find()) {
                values.put(checked.group(1), checked.group(2));
            }
            assertThat(values).as(form.body()).containsEntry("ePrescription", "0").hasSize(7);
            values.put("ePrescription", "2"); // 電子＋紙併用
            HttpResponse<String> posted = post("settings", values);
            assertThat(posted.statusCode()).as(posted.body()).isEqualTo(302); // post/redirect/get
            HttpResponse<String> saved = get("settings");
            assertThat(saved.body()).contains("環境設定を保存しました");
            Matcher now = CHECKED.matcher(saved.body());
            Map<String, String> after = new LinkedHashMap<>();
            while (now.find()) {
                after.put(now.group(1), now.group(2));
            }
            assertThat(after).containsEntry("ePrescription", "2");
        }

        private void signInFirstTime(String id, String initial, String chosen) throws Exception {
            get("login");
            HttpResponse<String> login = post("login", Map.of("accountId", id, "password", initial));
            assertThat(login.headers().firstValue("Location").orElse(login.body())).endsWith("/web/password/change");
            get("password/change");
            HttpResponse<String> changed = post("password/change",
                    Map.of("newPassword", chosen, "confirmPassword", chosen));
            assertThat(changed.statusCode()).as(changed.body()).isEqualTo(302);
        }

        private HttpResponse<String> get(String path) throws Exception {
            return send(request(path).GET());
        }

        private HttpResponse<String> post(String path, Map<String, String> fields) throws Exception {
            Map<String, String> form = new LinkedHashMap<>(fields);
            form.put("_csrf", csrf);
            String body = form.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                    + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
            return send(request(path).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body)));
        }

        private HttpRequest.Builder request(String path) {
            HttpRequest.Builder builder = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30));
            if (session != null) {
                builder.header("Cookie", "JSESSIONID=" + session);
            }
            return builder;
        }

        private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
            HttpResponse<String> response = client.send(request.build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            for (String cookie : response.headers().allValues("Set-Cookie")) {
                String[] nameValue = cookie.split(";", 2)[0].split("=", 2);
                if (nameValue[0].strip().equals("JSESSIONID")) {
                    session = nameValue[1].isEmpty() ? null : nameValue[1];
                }
            }
            Matcher token = CSRF.matcher(response.body());
            if (token.find()) {
                csrf = token.group(1);
            }
            return response;
        }

        private static String element(String html, String id) {
            Matcher m = Pattern.compile("id=\"" + id + "\"[^>]*>([^<]+)<").matcher(html);
            assertThat(m.find()).as(id + " in " + html).isTrue();
            return m.group(1).strip().replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"")
                    .replace("&#39;", "'").replace("&amp;", "&"); // as the browser shows it
        }
    }
}
