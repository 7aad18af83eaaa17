package dev.fmnist.serve;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fmnist.data.classify.Classification;
import dev.fmnist.data.classify.Classifier;
import dev.fmnist.data.classify.TestPictures;
import dev.fmnist.serve.testing.TestServers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The page in a real browser: headless Chromium (Debian's {@code chromium} and {@code chromium-driver})
 * driven by Selenium uploads a picture, reads the result from the page and compares it with the library's
 * classification; then clicks a sample. Skipped where Chromium or its driver is not installed. Leaves a
 * screenshot in {@code target/screenshots/page.png}.
 */
class BrowserTest {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path DRIVER = Path.of("/usr/bin/chromedriver");

    private static FmnistServer server;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER),
                "headless Chromium is not installed (apt-get install chromium chromium-driver): browser test skipped");
        server = TestServers.start(ServeSettings.defaults());
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.stop();
        }
    }

    @Test
    void uploadAPictureAndClickASample() throws Exception {
        byte[] png = TestPictures.encode(EndpointsTest.photo(dev.fmnist.api.testing.SyntheticData.test().image(5)), "png");
        Path picture = Files.write(dir.resolve("my-garment.png"), png);
        Classification expected = Classifier.of(TestServers.model()).classify(picture, 3);

        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--window-size=1100,1000", "--user-data-dir=" + dir.resolve("profile"));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort().build();
        ChromeDriver browser = new ChromeDriver(service, options);
        try {
            browser.get(server.url() + "/");
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("model-info"), "test accuracy"));
            assertThat(browser.findElement(By.id("model-info")).getText()).contains("synthetic.fmnist")
                    .contains("pure").containsPattern("test accuracy \\d+\\.\\d\\d%");
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#sample-strip .sample")));
            assertThat(browser.findElements(By.cssSelector("#sample-strip .sample"))).hasSize(10);

            browser.findElement(By.id("files")).sendKeys(picture.toString());
            WebElement result = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".result")));
            assertThat(result.getAttribute("data-best")).isEqualTo(expected.best().displayName());
            assertThat(result.findElement(By.tagName("h3")).getText())
                    .isEqualTo("my-garment.png: " + expected.best().displayName());
            List<WebElement> rows = result.findElements(By.cssSelector(".top li"));
            assertThat(rows).hasSize(3);
            for (int i = 0; i < 3; i++) {
                assertThat(rows.get(i).findElement(By.className("name")).getText())
                        .isEqualTo(expected.top().get(i).fashionClass().displayName());
                assertThat(rows.get(i).findElement(By.className("prob")).getText()).isEqualTo(
                        String.format(java.util.Locale.ROOT, "%.1f%%", 100 * expected.top().get(i).probability()));
            }
            // The 28x28 picture the model saw is drawn from the answer.
            Object lit = browser.executeScript("const c = document.querySelector('.result canvas');"
                    + "const d = c.getContext('2d').getImageData(0, 0, 28, 28).data; let n = 0;"
                    + "for (let i = 0; i < d.length; i += 4) if (d[i] > 0) n++; return [c.width, n];");
            assertThat(lit.toString()).startsWith("[28, ");
            long litPixels = Long.parseLong(lit.toString().replaceAll(".*, (\\d+)]", "$1"));
            long expectedLit = 0;
            for (byte b : expected.pixels()) {
                expectedLit += b != 0 ? 1 : 0;
            }
            assertThat(litPixels).isEqualTo(expectedLit);
            // The crop box over the photo: the picture is 84x84, shown at 84x84, so the box is in its pixels.
            var prepared = expected.preparation().orElseThrow();
            WebElement box = result.findElement(By.cssSelector(".photo .crop-box"));
            assertThat(box.getCssValue("left")).isEqualTo(prepared.cropX() + "px");
            assertThat(box.getCssValue("top")).isEqualTo(prepared.cropY() + "px");
            assertThat(box.getCssValue("width")).isEqualTo(prepared.cropWidth() + "px");
            assertThat(box.getCssValue("height")).isEqualTo(prepared.cropHeight() + "px");
            assertThat(result.findElements(By.cssSelector(".warnings li"))).hasSize(prepared.warnings().size());
            assertThat(browser.findElement(By.id("status")).getText()).contains("Done");

            browser.findElements(By.cssSelector("#sample-strip .sample")).get(9).click();
            wait.until(d -> d.findElements(By.cssSelector(".result")).size() == 2);
            WebElement sample = browser.findElements(By.cssSelector(".result")).get(0);
            assertThat(sample.findElement(By.tagName("h3")).getText()).contains("really Ankle boot");

            // A thumbnail's warning is listed under its result.
            Path tiny = Files.write(dir.resolve("tiny.png"), TestPictures.encode(TestPictures.shirtLike(14, 16), "png"));
            List<dev.fmnist.data.image.ImageWarning> warnings =
                    Classifier.of(TestServers.model()).classify(tiny, 3).preparation().orElseThrow().warnings();
            assertThat(warnings).contains(dev.fmnist.data.image.ImageWarning.TINY_OBJECT);
            browser.findElement(By.id("files")).sendKeys(tiny.toString());
            wait.until(d -> d.findElements(By.cssSelector(".result")).size() == 3);
            List<WebElement> listed = browser.findElements(By.cssSelector(".result")).get(0)
                    .findElements(By.cssSelector(".warnings li"));
            assertThat(listed).extracting(e -> e.getAttribute("data-code"))
                    .containsExactlyElementsOf(warnings.stream().map(dev.fmnist.data.image.ImageWarning::code).toList());
            assertThat(listed.get(0).getText()).isEqualTo(dev.fmnist.data.image.ImageWarning.TINY_OBJECT.message());

            Path shots = Files.createDirectories(Path.of("target", "screenshots"));
            Files.write(shots.resolve("page.png"), browser.getScreenshotAs(OutputType.BYTES));
        } finally {
            browser.quit();
        }
    }
}
