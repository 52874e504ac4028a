package com.rooms.browser;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Function;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One person in front of a real headless Chromium (Debian's chromium and
 * chromium-driver; scripts/browser-for-tests installs them) with Chromium's
 * fake camera and microphone.
 */
final class Browser implements AutoCloseable {
    static final String BASE = System.getProperty("rooms.it.base", "http://localhost:19080");
    private static final java.util.Set<Browser> OPEN = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final ChromeDriver driver;
    private final Path profile;

    Browser() throws IOException {
        this(false, "1280,800");
    }

    /**
     * @param cameraBlocked the person refused the camera (the site setting blocks it)
     * @param windowSize    e.g. {@code 360,740} for a phone
     */
    Browser(boolean cameraBlocked, String windowSize) throws IOException {
        this(cameraBlocked, windowSize, java.util.List.of());
    }

    /**
     * A person whose browser also trusts the one certificate whose public key
     * has this SHA-256 hash (base64), as a company's managed browsers trust
     * its own CA: for a TLS server the test made, such as the TURN relay.
     */
    static Browser trusting(String spkiSha256) throws IOException {
        return new Browser(false, "1280,800", java.util.List.of("--ignore-certificate-errors-spki-list=" + spkiSha256));
    }

    private Browser(boolean cameraBlocked, String windowSize, java.util.List<String> extraArguments) throws IOException {
        profile = Files.createTempDirectory("rooms-chromium-");
        ChromeOptions options = new ChromeOptions();
        if (cameraBlocked) {
            options.setExperimentalOption("prefs", java.util.Map.of(
                    "profile.default_content_setting_values.media_stream_camera", 2,
                    "profile.default_content_setting_values.media_stream_mic", 1));
        }
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--use-fake-device-for-media-stream",
                "--allow-loopback-in-peer-connection", "--disable-features=WebRtcHideLocalIpsWithMdns",
                "--auto-select-desktop-capture-source=Entire screen", "--window-size=" + windowSize,
                "--user-data-dir=" + profile);
        options.addArguments(extraArguments);
        if (!cameraBlocked) {
            options.addArguments("--use-fake-ui-for-media-stream");
        }
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver")).usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(20));
        OPEN.add(this);
    }

    /**
     * A person whose computer has no camera (and, unless {@code microphone},
     * no microphone either). Chromium's fake devices cannot be taken away, so
     * before any of the page's scripts run the browser is made to answer a
     * request for a missing device as it does without one (NotFoundError) and
     * to list none. Screen sharing still works. Nothing in the page knows.
     */
    static Browser withoutCamera(boolean microphone) throws IOException {
        Browser browser = new Browser();
        browser.driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument",
                java.util.Map.of("source", MISSING_DEVICES.replace("MICROPHONE", String.valueOf(microphone))));
        return browser;
    }

    private static final String MISSING_DEVICES = """
            (() => {
              const devices = navigator.mediaDevices;
              const getUserMedia = devices.getUserMedia.bind(devices);
              const enumerateDevices = devices.enumerateDevices.bind(devices);
              const missing = (kind) => kind === 'videoinput' || (kind === 'audioinput' && !MICROPHONE);
              devices.getUserMedia = (constraints) => constraints && (constraints.video || (constraints.audio && !MICROPHONE))
                  ? Promise.reject(new DOMException('Requested device not found', 'NotFoundError'))
                  : getUserMedia(constraints);
              devices.enumerateDevices = async () => (await enumerateDevices()).filter((d) => !missing(d.kind));
            })();
            """;

    /** Opens the room link and joins with the demo sign-in. */
    Browser join(String room, String name) {
        return joinAt(BASE, room, name);
    }

    /** Joins through another address of the server (a link the test can cut). */
    Browser joinAt(String base, String room, String name) {
        open(base, room, name);
        waitFor(d -> "Connected".equals(d.findElement(By.id("status")).getText()) ? true : null);
        return this;
    }

    /** Opens the room link and asks to join, without waiting to be let in. */
    Browser tryToJoin(String room, String name) {
        return open(BASE, room, name);
    }

    private Browser open(String base, String room, String name) {
        driver.get(base + "/r/" + room);
        WebElement field = waitFor(d -> d.findElement(By.id("display-name")));
        field.sendKeys(name);
        driver.findElement(By.id("join-button")).click();
        return this;
    }

    /**
     * Opens the room link as a portal does ({@code #token=}: no form, the
     * page joins at once) and answers the milliseconds from the start of
     * that navigation to the first decoded frame of another person's video,
     * as the page's own clock ({@code performance.now()}) measures them.
     */
    double millisToFirstRemoteFrame(String base, String room, String token) {
        driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", java.util.Map.of("source", FIRST_FRAME));
        driver.get(base + "/r/" + room + "#token=" + token);
        Object at = waitFor(d -> script("return window.firstRemoteFrame"));
        return ((Number) at).doubleValue();
    }

    /** Opens the room link as a portal does ({@code #token=}) and waits until the page is connected. */
    Browser joinByLink(String base, String room, String token) {
        driver.get(base + "/r/" + room + "#token=" + token);
        waitFor(d -> "Connected".equals(d.findElement(By.id("status")).getText()) ? true : null);
        return this;
    }

    /** Records, before the page's scripts run, when the first remote video shows a frame. */
    private static final String FIRST_FRAME = """
            (() => {
              const look = () => {
                const v = [...document.querySelectorAll('#grid video.remote')].find(v => v.videoWidth > 0);
                if (v) {
                  window.firstRemoteFrame = performance.now();
                } else {
                  setTimeout(look, 5);
                }
              };
              setTimeout(look, 5);
            })();
            """;

    /** Opens the moderator's menu of the person named {@code name} in the roster and picks {@code action}. */
    void moderate(String name, String action) {
        waitFor(d -> {
            WebElement item = d.findElements(By.cssSelector("#roster li")).stream()
                    .filter(li -> li.getText().contains(name)).findFirst().orElseThrow();
            WebElement menu = item.findElement(By.cssSelector(".menu"));
            if (menu.getAttribute("open") == null) {
                menu.findElement(By.tagName("summary")).click();
            }
            menu.findElement(By.cssSelector("button[data-action='" + action + "']")).click();
            return true;
        });
    }

    /** The roster's entry of the person named {@code name}, when it has {@code attribute} = {@code value}. */
    boolean rosterSays(String name, String attribute, String value) {
        return driver.findElements(By.cssSelector("#roster li[" + attribute + "='" + value + "']")).stream()
                .anyMatch(li -> li.getText().contains(name));
    }

    /** Waits until {@code count} remote videos show frames; on failure says what the page's peers were doing. */
    void remoteVideosPlaying(int count) {
        try {
            waitFor(d -> ((Long) script("return [...document.querySelectorAll('#grid video.remote')]"
                    + ".filter(v => v.videoWidth > 0 && v.readyState >= 2).length")) >= count ? true : null);
        } catch (org.openqa.selenium.TimeoutException e) {
            StringBuilder pages = new StringBuilder();
            for (Browser open : OPEN) {
                pages.append(open == this ? "\n  this page: " : "\n  another page: ").append(open.diagnosis());
            }
            throw new AssertionError("remote videos not playing" + pages, e);
        }
    }

    /** Waits until the remote videos have decoded at least ten more frames (getStats framesDecoded). */
    void framesAdvance() {
        long first = framesDecoded();
        waitFor(d -> framesDecoded() > first + 10 ? true : null);
    }

    @SuppressWarnings("unchecked")
    long framesDecoded() {
        java.util.Map<String, Object> stats = (java.util.Map<String, Object>) asyncScript(
                "const done = arguments[arguments.length - 1]; window.rooms.manager.stats().then(done);");
        return stats.values().stream().mapToLong(v -> ((Number) v).longValue()).sum();
    }

    /** What the page's peers are doing, for a failure message. */
    String diagnosis() {
        try {
            return String.valueOf(script("return JSON.stringify({"
                    + "self: window.rooms.manager.selfId, errors: window.rooms.manager.errors,"
                    + "peers: [...window.rooms.manager.peers.values()].map(p => [p.peerId, p.polite, p.pc.signalingState,"
                    + " p.pc.connectionState, p.pc.iceConnectionState, p.pc.iceGatheringState, p.counts,"
                    + " p.pc.localDescription && p.pc.localDescription.type, p.pc.remoteDescription && p.pc.remoteDescription.type]),"
                    + " videos: [...document.querySelectorAll('#grid video.remote')].map(v => [v.readyState, v.videoWidth,"
                    + " v.paused, !!v.srcObject])})"));
        } catch (RuntimeException e) {
            return "(no answer: " + e.getMessage() + ")";
        }
    }

    Object script(String js, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(js, args);
    }

    Object asyncScript(String js, Object... args) {
        return ((JavascriptExecutor) driver).executeAsyncScript(js, args);
    }

    <T> T waitFor(Function<WebDriver, T> condition) {
        return waitFor(Duration.ofSeconds(30), condition);
    }

    <T> T waitFor(Duration deadline, Function<WebDriver, T> condition) {
        return new WebDriverWait(driver, deadline).ignoring(RuntimeException.class).until(condition::apply);
    }

    WebElement find(String id) {
        return driver.findElement(By.id(id));
    }

    void screenshot(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
    }

    @Override
    public void close() {
        OPEN.remove(this);
        try {
            driver.quit();
        } finally {
            try (var files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException ignored) {
                // a temporary profile
            }
        }
    }
}
