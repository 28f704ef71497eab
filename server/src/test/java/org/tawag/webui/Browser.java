package org.tawag.webui;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Function;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.tawag.testing.ExternalTool;

/**
 * Debian's headless Chromium driven by Selenium through Debian's chromedriver, with a fake
 * microphone playing a tone WAV: the operator's browser in the end-to-end tests. Skips (fails under
 * {@code CI=true}) when either binary is missing; never downloads a browser.
 */
final class Browser implements AutoCloseable {
  private static final Path SCREENSHOTS = Path.of("target", "browser-screenshots");

  private final ChromeDriver driver;
  private final WebDriverWait wait;

  private Browser(ChromeDriver driver, Duration timeout) {
    this.driver = driver;
    this.wait = new WebDriverWait(driver, timeout, Duration.ofMillis(100));
  }

  /** Starts Chromium whose microphone plays {@code micWav} in a loop. */
  static Browser start(Path micWav, Path profile, Duration timeout) {
    Path chromium = ExternalTool.require("chromium", "chromium");
    Path chromedriver = ExternalTool.require("chromedriver", "chromium-driver");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(chromium.toFile());
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--window-size=1280,1000",
        "--user-data-dir=" + profile.toAbsolutePath(),
        "--use-fake-ui-for-media-stream",
        "--use-fake-device-for-media-stream",
        "--use-file-for-fake-audio-capture=" + micWav.toAbsolutePath(),
        "--autoplay-policy=no-user-gesture-required");
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(chromedriver.toFile())
            .usingAnyFreePort()
            .build();
    return new Browser(new ChromeDriver(service, options), timeout);
  }

  /**
   * Writes a 48 kHz mono 16-bit WAV of a sine at {@code hz}: a whole number of periods, so the fake
   * microphone's loop has no click.
   */
  static Path toneWav(Path file, int hz, int seconds) throws IOException {
    int rate = 48_000;
    int samples = rate * seconds;
    ByteBuffer b = ByteBuffer.allocate(44 + samples * 2).order(ByteOrder.LITTLE_ENDIAN);
    b.put("RIFF".getBytes(StandardCharsets.US_ASCII))
        .putInt(36 + samples * 2)
        .put("WAVE".getBytes(StandardCharsets.US_ASCII));
    b.put("fmt ".getBytes(StandardCharsets.US_ASCII))
        .putInt(16)
        .putShort((short) 1)
        .putShort((short) 1);
    b.putInt(rate).putInt(rate * 2).putShort((short) 2).putShort((short) 16);
    b.put("data".getBytes(StandardCharsets.US_ASCII)).putInt(samples * 2);
    for (int i = 0; i < samples; i++) {
      b.putShort((short) Math.round(0.5 * 32767 * Math.sin(2 * Math.PI * hz * i / rate)));
    }
    Files.write(file, b.array());
    return file;
  }

  WebDriver driver() {
    return driver;
  }

  void open(String url) {
    driver.get(url);
  }

  /** Reloads the page, as an operator pressing F5 would. */
  void reload() {
    driver.navigate().refresh();
  }

  WebElement find(String css) {
    return driver.findElement(By.cssSelector(css));
  }

  /** Waits until the element is displayed and returns it. */
  WebElement visible(String css) {
    return waitFor(
        d -> {
          var found = d.findElements(By.cssSelector(css));
          return !found.isEmpty() && found.get(0).isDisplayed() ? found.get(0) : null;
        });
  }

  /**
   * Clicks the element once it is displayed and enabled. The page re-renders parts of itself every
   * second, so an element found a moment ago may be gone: it is looked up again until a click
   * lands.
   */
  void click(String css) {
    waitFor(
        d -> {
          try {
            var found = d.findElements(By.cssSelector(css));
            if (found.isEmpty() || !found.get(0).isDisplayed() || !found.get(0).isEnabled()) {
              return null;
            }
            found.get(0).click();
            return Boolean.TRUE;
          } catch (StaleElementReferenceException e) {
            return null;
          }
        });
  }

  /** Waits until the element's text contains {@code text}. */
  void textContains(String css, String text) {
    waitFor(d -> find(css).getText().contains(text) ? Boolean.TRUE : null);
  }

  void type(String css, String text) {
    WebElement e = find(css);
    e.clear();
    e.sendKeys(text);
  }

  /** Waits for {@code condition}; a timeout names the page's audio state and connection. */
  <T> T waitFor(Function<WebDriver, T> condition) {
    try {
      return wait.until(condition);
    } catch (TimeoutException e) {
      throw new AssertionError("page did not get there; " + state(), e);
    }
  }

  /** What the page shows and hears, for failure messages. */
  String state() {
    try {
      return "audio "
          + script("return JSON.stringify(window.__tawagAudio || null)")
          + ", connection "
          + script("return document.getElementById('connection')?.textContent")
          + ", state "
          + script("return document.getElementById('state-label')?.textContent")
          + ", error "
          + script("return document.getElementById('last-error')?.textContent");
    } catch (RuntimeException e) {
      return "page state unreadable: " + e;
    }
  }

  Object script(String js, Object... args) {
    return ((JavascriptExecutor) driver).executeScript(js, args);
  }

  /** A number from {@code window.__tawagAudio}, 0 when absent. */
  long audioStat(String name) {
    Object v = script("return (window.__tawagAudio || {})['" + name + "'] || 0;");
    return v instanceof Number n ? n.longValue() : 0;
  }

  /** Saves a PNG under target/browser-screenshots/ for a person to look at. */
  Path screenshot(String name) throws IOException {
    Files.createDirectories(SCREENSHOTS);
    Path file = SCREENSHOTS.resolve(name + ".png");
    Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
    return file;
  }

  @Override
  public void close() {
    driver.quit();
  }
}
