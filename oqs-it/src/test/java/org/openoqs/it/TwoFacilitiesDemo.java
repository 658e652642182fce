package org.openoqs.it;

import java.net.http.HttpClient;
import java.nio.file.Path;
import java.util.Properties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.openoqs.core.population.Persona;
import org.openoqs.core.population.Personas;

/**
 * The real {@code oqs demo} process for one test class that works across its two facilities: started before the
 * class with the clinic's and the hospital's mutual-TLS clients, stopped after it — or earlier by the test
 * ({@link #stopDemo()}), to read the audit trail from the stopped demo's database ({@code DemoFacilities.audited}).
 */
abstract class TwoFacilitiesDemo {

    /** 山田 太郎, the patient the facilities share. */
    static final Persona TARO = Personas.byKey("shaho-honnin").orElseThrow();

    @TempDir
    static Path home;
    static DemoProcess demo;
    static Properties props;
    static HttpClient clinic;
    static HttpClient hospital;

    @BeforeAll
    static void startDemo() throws Exception {
        demo = DemoProcess.start(home);
        props = demo.properties();
        clinic = DemoFacilities.client(props, "");
        hospital = DemoFacilities.client(props, "hospital.");
    }

    @AfterAll
    static void stopDemo() throws Exception {
        if (demo != null) {
            demo.stop();
            demo = null;
        }
    }
}
