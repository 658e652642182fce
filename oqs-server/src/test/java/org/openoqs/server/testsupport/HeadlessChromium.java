package org.openoqs.server.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The real Chromium of the browser tests (Debian's {@code chromium} and {@code chromium-driver}, installed by the test
 * command), headless, in Japanese, with the service's own Japanese font: the browser reads a fontconfig of its own that
 * adds the font the PDFs use ({@code org/openoqs/server/pdf/ipag.ttf}) to the system's, so screenshots show Japanese
 * text on a machine without a Japanese system font — which is exactly the machine the README's screenshots come from.
 * Shared by oqs-server's and oqs-it's browser tests (oqs-it reads oqs-server's test jar).
 */
public final class HeadlessChromium implements AutoCloseable {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final String FONT = "/org/openoqs/server/pdf/ipag.ttf";

    private final ChromeDriver driver;
    private final WebDriverWait wait;

    private HeadlessChromium(ChromeDriver driver) {
        this.driver = driver;
        this.wait = new WebDriverWait(driver, Duration.ofSeconds(20));
    }

    /**
     * Starts the browser with its profile, font and font cache under {@code dir}. A missing browser fails the test
     * with the command that installs it — never a skip.
     *
     * @param width  window width in CSS pixels
     * @param height window height in CSS pixels
     */
    public static HeadlessChromium start(Path dir, int width, int height) throws IOException {
        assertThat(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER)).as("Chromium and its driver "
                + "(/usr/bin/chromium, /usr/bin/chromedriver) are missing: ./mvnw verify installs them "
                + "(scripts/test-prerequisites.sh), or: sudo apt-get install -y chromium chromium-driver").isTrue();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--window-size=" + width + "," + height, "--lang=ja",
                "--user-data-dir=" + dir.resolve("chrome"));
        options.setAcceptInsecureCerts(true); // the relays and the demo present certificates of the project's test CAs
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().withEnvironment(Map.of("FONTCONFIG_FILE", fontConfig(dir).toString())).build();
        return new HeadlessChromium(new ChromeDriver(service, options));
    }

    public ChromeDriver driver() {
        return driver;
    }

    /** Waits up to 20 s, the patience of every browser step. */
    public WebDriverWait waiting() {
        return wait;
    }

    /** Writes what the window shows to {@code folder/name.png}. */
    public Path screenshot(Path folder, String name) throws IOException {
        Files.createDirectories(folder);
        Path file = folder.resolve(name + ".png");
        Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
        return file;
    }

    @Override
    public void close() {
        driver.quit();
    }

    /** A fontconfig file: the system's configuration plus a folder holding the service's Japanese font. */
    static Path fontConfig(Path dir) throws IOException {
        Path fonts = Files.createDirectories(dir.resolve("fonts"));
        try (InputStream font = HeadlessChromium.class.getResourceAsStream(FONT)) {
            assertThat(font).as("the service's Japanese font " + FONT + " on the class path").isNotNull();
            Files.copy(font, fonts.resolve("ipag.ttf"), StandardCopyOption.REPLACE_EXISTING);
        }
        Path config = dir.resolve("fonts.conf");
        Files.writeString(config, """
                <?xml version="1.0"?>
                <!DOCTYPE fontconfig SYSTEM "fonts.dtd">
                <fontconfig>
                  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>
                  <dir>%s</dir>
                  <cachedir>%s</cachedir>
                </fontconfig>
                """.formatted(fonts, Files.createDirectories(dir.resolve("font-cache"))), StandardCharsets.UTF_8);
        return config;
    }
}
