package com.careflow.browser;

import com.careflow.support.Installed;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's Chromium, headless, driven through Debian's chromium-driver (no browser or driver
 * download at run time), with what a person does in the Camunda web apps: log in, open a task,
 * tick, type, choose from a form-js dropdown, press a button. Screenshots of each step go to
 * {@code target/browser-screenshots/}.
 */
final class Browser implements AutoCloseable {

  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final Path SCREENSHOTS = Path.of("target", "browser-screenshots");

  /** What the web apps' own buttons say in a language. */
  record Chrome(String language, String claim, String complete, String startProcess,
      String start) {
    static final Chrome CHINESE = new Chrome("zh-CN", "认领", "完成", "启动流程", "启动");
    static final Chrome ENGLISH = new Chrome("en-US", "Claim", "Complete", "Start process",
        "Start");
  }

  private final WebDriver driver;
  private final WebDriverWait wait;
  private final String base;
  private final Path profile;
  private final Chrome chrome;

  /** Skips (locally) or fails (in CI) when Chromium and its driver are not installed. */
  static void requireChromium() {
    String install = "install Debian's chromium and chromium-driver: "
        + "apt-get install --no-install-recommends chromium chromium-driver";
    Assumptions.assumeTrue(Installed.orFailInCi("the Tasklist browser tests", install, CHROMIUM,
        CHROMEDRIVER), "Skipping the Tasklist browser tests: " + install);
  }

  /** A browser whose person reads the language of {@code chrome} (Accept-Language, navigator). */
  Browser(int port, Chrome chrome) {
    this.chrome = chrome;
    try {
      profile = Files.createTempDirectory(Path.of("target"), "chromium-profile");
      Files.createDirectories(SCREENSHOTS);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toString());
    options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--no-first-run", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--window-size=1400,1000", "--lang=" + chrome.language(),
        "--accept-lang=" + chrome.language(),
        "--user-data-dir=" + profile.toAbsolutePath());
    options.setExperimentalOption("prefs", java.util.Map.of("intl.accept_languages",
        chrome.language() + "," + chrome.language().substring(0, 2)));
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
    driver = new ChromeDriver(service, options);
    wait = new WebDriverWait(driver, WAIT);
    base = "http://localhost:" + port + "/camunda/app/";
  }

  /**
   * Logs in to a web app ({@code tasklist}, {@code cockpit}) as the user, once the app has
   * settled (its start-up requests answered, the login view the only one on the page): typing
   * into a form Angular is still replacing loses the typing. A refused login fails at once with
   * what the page says (e.g. wrong credentials, too many attempts) and a screenshot.
   */
  void logIn(String app, String user) {
    driver.get(base + app + "/default/");
    By password = By.cssSelector("input[type='password']");
    wait.until(driver -> settled() && driver.findElements(password).size() == 1
        && driver.findElement(password).isDisplayed());
    WebElement name = driver.findElement(By.cssSelector("input[type='text']"));
    name.sendKeys(user);
    driver.findElement(password).sendKeys("demo");
    wait.until(driver -> user.equals(name.getDomProperty("value")));
    wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("button[type='submit']")))
        .click();
    By refused = By.cssSelector(
        "[notifications-panel] .alert-danger, [notifications-panel] .alert-error");
    try {
      wait.until(ExpectedConditions.or(ExpectedConditions.invisibilityOfElementLocated(password),
          ExpectedConditions.visibilityOfElementLocated(refused)));
    } catch (RuntimeException timedOut) {
      screenshot("failed-login-" + System.currentTimeMillis());
      throw new AssertionError(user + " is still at the " + app + " login after "
          + WAIT.toSeconds() + " s; the page says: " + pageText(), timedOut);
    }
    if (!driver.findElements(refused).isEmpty()) {
      screenshot("refused-login-" + System.currentTimeMillis());
      throw new AssertionError(user + " could not log in to " + app + ": " + pageText());
    }
  }

  /** Whether the Angular web app has no request or timeout outstanding. */
  private boolean settled() {
    Object stable = ((ChromeDriver) driver).executeAsyncScript("""
        const done = arguments[arguments.length - 1];
        if (!window.angular || !angular.element(document.documentElement).injector()) {
          done(false);
        } else {
          angular.getTestability(document.documentElement).whenStable(() => done(true));
        }""");
    return Boolean.TRUE.equals(stable);
  }

  /** Opens one of CareFlow's own pages (HTTP Basic, as the report page asks) as the user. */
  void openAs(String user, String path) {
    driver.get(base.replace("http://", "http://" + user + ":demo@").replace("/camunda/app/", "/")
        + path);
  }

  /** Opens a page of a web app, e.g. {@code cockpit/default/#/processes}. */
  void open(String page) {
    driver.get(base + page);
  }

  /** Opens a task in Tasklist by its id, as a link from a notification would. */
  void openTask(String taskId) {
    driver.get(base + "tasklist/default/#/?task=" + taskId);
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".fjs-container")));
  }

  /** Tasklist's "Start process": picks the process by its name and waits for its start form. */
  void openStartForm(String processName) {
    click(By.xpath("//a[normalize-space()='" + chrome.startProcess() + "']"));
    click(By.xpath("//*[contains(@class,'modal')]//a[normalize-space()='" + processName + "']"));
    wait.until(ExpectedConditions.visibilityOfElementLocated(
        By.cssSelector(".modal .fjs-container")));
  }

  /** Starts the process with the start form's values ("Start" in the start dialog). */
  void start() {
    closeNotifications();
    click(By.xpath("//*[contains(@class,'modal')]//button[normalize-space()='" + chrome.start()
        + "']"));
  }

  void claim() {
    By claim = By.xpath("//*[self::a or self::button][normalize-space()='" + chrome.claim() + "']");
    click(claim);
    wait.until(ExpectedConditions.invisibilityOfElementLocated(claim));
  }

  void tick(String label) {
    click(By.xpath(field("checkbox", label) + "//input"));
  }

  void type(String label, String text) {
    WebElement input = wait.until(ExpectedConditions.visibilityOfElementLocated(
        By.xpath(field(null, label) + "//*[self::input or self::textarea]")));
    ((ChromeDriver) driver).executeScript(
        "arguments[0].scrollIntoView({block: 'center'});", input);
    input.clear();
    // Leaving the field (Tab) hands the value to the form at once: form-js debounces typing.
    input.sendKeys(text, Keys.TAB);
  }

  void choose(String label, String option) {
    click(By.xpath(field("select", label) + "//*[contains(@class,'fjs-input-group')]"));
    click(By.xpath(field("select", label)
        + "//*[contains(@class,'fjs-dropdownlist-item')][normalize-space()='" + option + "']"));
  }

  /** The value a form field shows, once the form has loaded it. */
  String valueOf(String label) {
    By input = By.xpath(field(null, label) + "//*[self::input or self::textarea]");
    wait.until(driver -> !driver.findElement(input).getDomProperty("value").isEmpty());
    return driver.findElement(input).getDomProperty("value");
  }

  void complete() {
    closeNotifications();
    click(By.xpath("//button[normalize-space()='" + chrome.complete() + "']"));
  }

  /** Closes Tasklist's notifications (e.g. of an earlier failed attempt), as a person would. */
  private void closeNotifications() {
    for (WebElement close : driver.findElements(
        By.cssSelector("[notifications-panel] .close, .page-notifications .close"))) {
      if (close.isDisplayed()) {
        close.click();
      }
    }
    wait.until(ExpectedConditions.invisibilityOfElementLocated(
        By.cssSelector("[notifications-panel] .alert")));
  }

  /** Waits for a text anywhere on the page. */
  void waitForText(String text) {
    waitUntil(() -> !driver.findElements(
        By.xpath("//*[contains(normalize-space(), \"" + text + "\")]")).isEmpty());
  }

  /** Waits until the condition holds (the engine caught up with what the browser did). */
  void waitUntil(java.util.function.BooleanSupplier condition) {
    try {
      wait.until(driver -> condition.getAsBoolean());
    } catch (RuntimeException timedOut) {
      screenshot("failed-" + System.currentTimeMillis());
      throw timedOut;
    }
  }

  /** Runs a script in the page, e.g. to read how it formats a date. */
  Object script(String script) {
    return ((ChromeDriver) driver).executeScript(script);
  }

  String pageText() {
    return driver.findElement(By.tagName("body")).getText();
  }

  void screenshot(String name) {
    try {
      Files.copy(((ChromeDriver) driver).getScreenshotAs(OutputType.FILE).toPath(),
          SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Clicks the element after scrolling it to the middle of the view (clear of the footer). */
  private void click(By element) {
    try {
      WebElement target = wait.until(ExpectedConditions.presenceOfElementLocated(element));
      ((ChromeDriver) driver).executeScript(
          "arguments[0].scrollIntoView({block: 'center'});", target);
      wait.until(ExpectedConditions.elementToBeClickable(element)).click();
    } catch (RuntimeException failed) {
      screenshot("failed-" + System.currentTimeMillis());
      throw failed;
    }
  }

  /** The form-js field of that type ({@code null}: any) whose label starts with the text. */
  private static String field(String type, String label) {
    String kind = type == null ? "fjs-form-field" : "fjs-form-field-" + type;
    return "//div[contains(concat(' ', @class, ' '), ' " + kind + " ')]"
        + "[.//label[starts-with(normalize-space(), \"" + label + "\")]]";
  }

  @Override
  public void close() {
    driver.quit();
  }
}
