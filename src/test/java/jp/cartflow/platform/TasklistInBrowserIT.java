package jp.cartflow.platform;

import com.fasterxml.jackson.databind.JsonNode;
import jp.cartflow.payment.CreditAuthorizationService;
import jp.cartflow.payment.PaymentFixtures;
import jp.cartflow.payment.PaymentMethods;
import jp.cartflow.shipping.ShipmentService;
import jp.cartflow.testsupport.Browsers;
import jp.cartflow.testsupport.IntegrationTestBeans;
import jp.cartflow.testsupport.Jobs;
import jp.cartflow.testsupport.TestBeans;
import jp.cartflow.testsupport.TestDatabases;
import jp.cartflow.testsupport.TestOrders;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The operator's work in the real Tasklist, in headless Chromium: for each form, log in, find the task by its
 * order number in the list, claim it, enter one wrong value and read the Japanese message, correct it, complete,
 * and check the business effect over REST. The browser runs in New York time and in Japanese (one test: with
 * no language at all). Screenshots of every step go to target/tasklist-browser/.
 * Own application (own JVM): the webapps find their engine in the JVM-wide registry under "default".
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "test"})
@Import({IntegrationTestBeans.class, TestBeans.class})
@DirtiesContext
@Tag("own-jvm")
@ExtendWith(Browsers.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@DisplayName("Tasklist in a real browser (headless Chromium)")
class TasklistInBrowserIT {

    private static final Path SHOTS = Path.of("target", "tasklist-browser");
    private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
    /** the browser's own zone: far from Tokyo, so a time shown in the browser's zone would be visibly wrong */
    private static final String BROWSER_ZONE = "America/New_York";

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.registerFreshPostgresAndMailPorts(registry);
    }

    @LocalServerPort int port;
    @Autowired TestRestTemplate rest;
    @Autowired ShipmentService shipments;
    @Autowired CreditAuthorizationService authorizations;
    @Autowired ManagementService management;
    @Autowired TaskService tasks;
    @Autowired TestOrders testOrders;
    @Autowired PaymentFixtures payments;

    private static ChromeDriver browser;
    private static boolean loggedIn;
    private String testName;

    @BeforeAll
    static void startBrowser() throws IOException {
        Files.createDirectories(SHOTS);
        browser = Browsers.start(Browsers.Language.JAPANESE, BROWSER_ZONE, Files.createTempDirectory("chromium-profile"));
        Browsers.markRan(TasklistInBrowserIT.class.getName());
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @AfterEach
    void screenshotAtTheEnd() throws IOException {
        shot("end");
        Files.writeString(SHOTS.resolve(testName + "-end.html"), browser.getPageSource());
    }

    // ---- the four forms ----------------------------------------------------------------------------------

    @Test
    @Order(1)
    @DisplayName("伝票番号を登録する: carrier preselected, a number of the wrong form refused in Japanese, the corrected one "
            + "registered and the shipping mail sent")
    void registerTrackingNumber() {
        testName = "1-tracking";
        String orderNo = TestOrders.newOrderNo();
        testOrders.create(orderNo, "yamada", "sagawa");
        String pi = shipments.requestTrackingNumber(orderNo, null, false, "storefront").processInstanceId();

        openTaskOf(orderNo);
        assertThat(pageText()).contains("伝票番号を登録する 注文 " + orderNo);
        claim();
        assertThat(selectedText("Field_CarrierCode")).as("the shipment's carrier is preselected").isEqualTo("佐川急便");
        assertThat(fieldValue("Field_CustomerName")).as("who the parcel is for, read from the order").startsWith("山田 太郎 様");
        assertThat(fieldValue("Field_AddressText")).as("the order's address").startsWith("〒");
        assertThat(fieldValue("Field_AmountText")).as("the order's total").endsWith("円");
        type("Field_TrackingNumber", "ABC-123");
        type("Field_ShippedDate", "2026/11/20");
        shot("filled-wrong");
        complete();
        String refusal = notification();
        shot("refused");
        assertThat(refusal).contains("佐川急便の伝票番号の形式ではありません")
                .doesNotContain("An error happened", "Cannot submit", "ENGINE-", "Exception");
        dismissNotifications();

        type("Field_TrackingNumber", "987654321098");
        complete();
        awaitTaskGone(orderNo);
        JsonNode leaked = rest.withBasicAuth("operator", "operator").getForObject("/engine-rest/variable-instance"
                + "?processInstanceIdIn=" + pi + "&variableName=customerName", JsonNode.class);
        assertThat(leaked).as("the form's display values stay on the task, not in the process").isEmpty();

        Jobs.runAll(management, pi);
        assertThat(mailsTo("yamada@demo.cartflow.test")).as("the shipping mail, over the demo mailbox API")
                .anySatisfy(mail -> assertThat(mail.path("body").asText()).contains("987654321098"));
    }

    @Test
    @Order(2)
    @DisplayName("バウンス歴の宛先に送るか決める: no choice → Japanese 'required' message; 送信する → the mail goes out")
    void confirmBouncedRecipient() {
        testName = "2-bounce";
        String orderNo = TestOrders.newOrderNo();
        long orderId = testOrders.create(orderNo, "suzuki", "japanpost");
        String pi = shipments.register(orderNo, new ShipmentService.Registration("japanpost", List.of("12345678901"),
                LocalDate.of(2026, 11, 20), null, false), "storefront").processInstanceId();

        openTaskOf(orderNo);
        claim();
        assertThat(fieldValue("Field_BounceSummary")).contains("User unknown");
        assertThat(fieldValue("Field_CustomerName")).as("whose address bounced, read from the order").startsWith("鈴木");
        complete();
        assertThat(fieldError("Field_BounceDecision")).isEqualTo("入力してください。");
        shot("required");

        choose("Field_BounceDecision", 0);
        complete();
        awaitTaskGone(orderNo);

        Jobs.runAll(management, pi);
        String email = rest.withBasicAuth("operator", "operator").getForObject("/engine-rest/history/variable-instance"
                + "?processInstanceId=" + pi + "&variableName=recipientEmail", JsonNode.class).get(0).path("value").asText();
        assertThat(mailsTo(email)).as("sent despite the bounce record, over the demo mailbox API").hasSize(1);
        assertThat(testOrders.bounceFlagged(email)).as("BNC-3 the flag is cleared").isFalse();
        assertThat(orderId).isPositive();
    }

    @Test
    @Order(3)
    @DisplayName("与信NGに対応する: 'retry now' refused in Japanese (the shop does not allow it); cancelling the order works")
    void resolveAuthorizationError() {
        testName = "3-authorization";
        String orderNo = TestOrders.newOrderNo();
        long orderId = payments.order(orderNo, payments.member("ZEUS", "tok_decline"), PaymentMethods.ZEUS_CARD, 5530);
        String pi = authorizations.start(orderNo, "storefront");
        Jobs.runAll(management, pi);

        openTaskOf(orderNo);
        assertThat(pageText()).contains("与信NGに対応する 注文 " + orderNo + " 5,530円");
        claim();
        assertThat(fieldValue("Field_AmountText")).isEqualTo("5,530円");
        choose("Field_OperatorDecision", 2);
        complete();
        String refusal = notification();
        shot("refused");
        assertThat(refusal).contains("再与信はショップ設定で許可されていません").doesNotContain("An error happened", "Cannot submit");
        dismissNotifications();

        choose("Field_OperatorDecision", 1);
        complete();
        awaitTaskGone(orderNo);

        JsonNode history = rest.withBasicAuth("operator", "operator").getForObject(
                "/engine-rest/history/activity-instance?processInstanceId=" + pi + "&activityId=Task_CancelOrder",
                JsonNode.class);
        assertThat(history).as("the cancellation ran, over the engine REST API").hasSize(1);
        assertThat(payments.paymentRow(orderId)).containsEntry("status", "CANCELLED");
    }

    @Test
    @Order(4)
    @DisplayName("PAY-2 決済状態の不一致に対応する: the form names the gateway from the data; a Zeus order shows the 実売上 "
            + "precondition and unlinking is refused in Japanese while Zeus still holds the authorization, then accepted; "
            + "an SBPS order shows no Zeus text at all")
    void confirmGatewayMismatch() {
        testName = "4-mismatch";
        String zeusNo = TestOrders.newOrderNo();
        String sbpsNo = TestOrders.newOrderNo();
        payments.order(zeusNo, payments.member("ZEUS", "tok_zeus_ok"), PaymentMethods.ZEUS_CARD, 6480);
        payments.order(sbpsNo, payments.member("SBPS", "tok_sbps_ok"), PaymentMethods.SBPS_CARD, 7480);
        Jobs.runAll(management, authorizations.start(zeusNo, "storefront"));
        Jobs.runAll(management, authorizations.start(sbpsNo, "storefront"));
        // changed in the gateways' own admin screens: Zeus lowered the amount (still 与信済み), SBPS cancelled
        changeAtGateway("zeus", zeusNo, "{\"amount\":4980}");
        changeAtGateway("sbps", sbpsNo, "{\"status\":\"CANCELLED\"}");
        ResponseEntity<JsonNode> run = rest.withBasicAuth("operator", "operator")
                .postForEntity("/api/payment/reconciliation-runs", null, JsonNode.class);
        Jobs.runAll(management, run.getBody().path("processInstanceId").asText());
        assertThat(openMismatches()).contains(zeusNo, sbpsNo);

        openTaskOf(zeusNo);
        claim();
        assertThat(pageText()).contains("ゼウスとの決済状態の不一致", "ゼウス側の金額と当システムの決済状況が一致しません",
                "ゼウスの注文の連動を外す前に", "SENDPOINT " + zeusNo);
        assertThat(fieldValue("Field_GatewayName")).isEqualTo("ゼウス");
        assertThat(fieldValue("Field_Difference")).isEqualTo("金額");
        assertThat(fieldValue("Field_GatewayStatus")).isEqualTo("与信済み (AUTH) 4,980円");
        complete();
        assertThat(fieldError("Field_MismatchDecision")).isEqualTo("入力してください。");
        shot("required");
        dismissNotifications();

        choose("Field_MismatchDecision", 0);
        complete();
        String refusal = wait(20).until(d -> d.findElements(By.cssSelector(".page-notifications .alert")).stream()
                .filter(WebElement::isDisplayed).map(WebElement::getText).filter(t -> t.contains("ゼウス"))
                .findFirst().orElse(null));
        shot("unlink-refused");
        assertThat(refusal).contains("先にゼウス管理画面でこの注文", "実売上")
                .doesNotContain("An error happened", "ENGINE-", "Exception");
        dismissNotifications();
        changeAtGateway("zeus", zeusNo, "{\"status\":\"SALES\"}");
        choose("Field_MismatchDecision", 0);
        complete();
        awaitTaskGone(zeusNo);
        assertThat(openMismatches()).as("closed, over the mismatch API").doesNotContain(zeusNo);

        openTaskOf(sbpsNo);
        claim();
        assertThat(pageText()).contains("SBペイメントサービスとの決済状態の不一致", "SBペイメントサービス側の状態と")
                .doesNotContain("ゼウス", "SENDPOINT");
        assertThat(fieldValue("Field_GatewayName")).isEqualTo("SBペイメントサービス");
        shot("sbps");
        choose("Field_MismatchDecision", 0);
        complete();
        awaitTaskGone(sbpsNo);
        assertThat(openMismatches()).doesNotContain(sbpsNo);
    }

    private void changeAtGateway(String gateway, String orderNo, String json) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        // the simulator's back door is the admin's (docs/security.md)
        assertThat(rest.withBasicAuth("demo", "demo").postForEntity("/simulator/" + gateway + "/admin/orders/" + orderNo
                + "/status", new HttpEntity<>(json, headers), String.class).getStatusCode().value()).isEqualTo(200);
    }

    // ---- language and time zone ---------------------------------------------------------------------------

    @Test
    @Order(5)
    @DisplayName("Tasklist's times are Tokyo time although the browser runs in New York")
    void timesInTokyo() {
        testName = "5-times";
        String orderNo = TestOrders.newOrderNo();
        testOrders.create(orderNo, "yamada", "sagawa");
        shipments.requestTrackingNumber(orderNo, null, false, "storefront");
        String created = tasks.createTaskQuery().processVariableValueEquals("orderNo", orderNo).singleResult()
                .getCreateTime().toInstant().atZone(TOKYO).format(DateTimeFormatter.ofPattern("yyyy/MM/dd HH:mm"));
        assertThat(((JavascriptExecutor) browser).executeScript("return Intl.DateTimeFormat().resolvedOptions().timeZone"))
                .as("the browser really runs in New York").isEqualTo(BROWSER_ZONE);

        openTaskOf(orderNo);
        WebElement createdAt = wait(10).until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector(".tasks-list li.active .creation-date [am-time-ago]")));
        shot("created");
        assertThat(createdAt.getAttribute("uib-tooltip")).as("created, in Tokyo time")
                .startsWith(created.substring(0, 10)).endsWith(created.substring(11));
        assertThat(browser.findElement(By.id("footer-timezone")).getText()).contains("日本時間");
    }

    @Test
    @Order(6)
    @DisplayName("Tasklist opens in Japanese for a browser without any language preference (and for a Japanese one)")
    void japaneseByDefault() throws IOException {
        testName = "6-languages";
        logout();
        assertThat(loginPageText(browser)).as("Japanese browser").contains("ログイン", "ユーザー名", "パスワード");
        ChromeDriver neutral = Browsers.start(Browsers.Language.NONE, BROWSER_ZONE, Files.createTempDirectory("chromium-profile"));
        try {
            assertThat(((JavascriptExecutor) neutral).executeScript("return navigator.languages.join(',')"))
                    .as("no language preference").asString().doesNotContain("ja");
            assertThat(loginPageText(neutral)).as("browser without preference").contains("ログイン", "ユーザー名", "パスワード")
                    .doesNotContain("Sign in", "Username");
            Files.write(SHOTS.resolve("6-languages-no-preference.png"), neutral.getScreenshotAs(OutputType.BYTES));
        } finally {
            neutral.quit();
        }
    }

    // ---- Tasklist steps -----------------------------------------------------------------------------------

    private String tasklist() {
        return "http://localhost:" + port + "/camunda/app/tasklist/default/";
    }

    private String loginPageText(WebDriver driver) {
        driver.get(tasklist() + "#/login");
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("form[name=signinForm] button[type=submit]")));
        WebElement button = driver.findElement(By.cssSelector("form[name=signinForm] button[type=submit]"));
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> !button.getText().isBlank());
        return button.getText() + " " + driver.findElement(By.cssSelector("form[name=signinForm] input[type=text]"))
                .getAttribute("placeholder") + " " + driver.findElement(By.cssSelector("form[name=signinForm] input[type=password]"))
                .getAttribute("placeholder");
    }

    private void login() {
        if (loggedIn) {
            return;
        }
        browser.get(tasklist() + "#/login");
        By form = By.cssSelector("form[name=signinForm]");
        wait(30).until(d -> d.findElements(By.cssSelector("form[name=signinForm] button[type=submit]")).stream()
                .anyMatch(b -> b.getText().contains("ログイン")));
        insert(browser.findElement(form).findElement(By.cssSelector("input[type=text]")), "operator");
        insert(browser.findElement(form).findElement(By.cssSelector("input[type=password]")), "operator");
        shot("login");
        press(browser.findElement(form).findElement(By.cssSelector("button[type=submit]")));
        wait(30).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[cam-tasks]")));
        loggedIn = true;
    }

    private void logout() {
        ((JavascriptExecutor) browser).executeScript("window.localStorage.clear();");
        browser.manage().deleteAllCookies();
        // every cookie of every path and origin (deleteAllCookies sees only the current page's)
        browser.executeCdpCommand("Network.clearBrowserCookies", java.util.Map.of());
        // leave the single-page app: a later get() of "#/login" on the same page would only change the hash and
        // keep the app's remembered login
        browser.get("about:blank");
        loggedIn = false;
    }

    /** Opens the list, finds the task whose list line carries the order number, and opens it. */
    private void openTaskOf(String orderNo) {
        login();
        browser.get(tasklist());
        By line = By.xpath("//*[contains(@class,'tasks-list')]//li[contains(normalize-space(.), '" + orderNo + "')]");
        WebElement item = waitForListLine(line);
        shot("list");
        press(item.findElement(By.cssSelector("h4 a, a.clickable, a")));
        wait(30).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".task-details")));
    }

    /** The list refreshes on its own now and then; a reload brings a task created a moment ago. */
    private WebElement waitForListLine(By line) {
        for (int attempt = 0; attempt < 3; attempt++) {
            try {
                return wait(15).until(ExpectedConditions.visibilityOfElementLocated(line));
            } catch (org.openqa.selenium.TimeoutException e) {
                browser.navigate().refresh();
            }
        }
        throw new AssertionError("no task line for " + line + " in the list");
    }

    private void claim() {
        WebElement claim = wait(20).until(ExpectedConditions.elementToBeClickable(
                By.xpath("//*[contains(@class,'task-details')]//button[normalize-space(.)='担当する']")));
        press(claim);
        wait(20).until(ExpectedConditions.invisibilityOfElementLocated(
                By.xpath("//*[contains(@class,'task-details')]//button[normalize-space(.)='担当する']")));
        wait(20).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".task-details .fjs-form")));
        sleep(500); // the form is drawn again for the new assignee
        shot("claimed");
    }

    private WebElement field(String fieldId) {
        return wait(20).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(
                "[id$='-" + fieldId + "']")));
    }

    /** After a refused Complete the form is drawn again from what was submitted: type until the value stays. */
    private void type(String fieldId, String value) {
        for (int attempt = 0; attempt < 5; attempt++) {
            insert(field(fieldId), value);
            sleep(700);
            if (value.equals(field(fieldId).getAttribute("value"))) {
                return;
            }
        }
        throw new AssertionError(fieldId + " does not keep the value " + value);
    }

    /**
     * Types into a field the way an input method does (CDP Input.insertText: trusted beforeinput/input events).
     * Not sendKeys: headless Chromium 156 delivers no key or mouse events at all to the Camunda webapps' pages
     * (not even to a capturing listener on window, while a plain page gets them), so typed keys and clicks never
     * arrive. Text goes in through insertText, clicks through the DOM ({@link #press}).
     */
    private void insert(WebElement input, String text) {
        ((JavascriptExecutor) browser).executeScript("""
                const input = arguments[0];
                input.focus();
                if (input.value) {
                    Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set.call(input, '');
                    input.dispatchEvent(new Event('input', {bubbles: true}));
                }""", input);
        browser.executeCdpCommand("Input.insertText", java.util.Map.of("text", text));
        wait(5).until(d -> text.equals(input.getAttribute("value")));
    }

    private String fieldValue(String fieldId) {
        return field(fieldId).getAttribute("value");
    }

    private void choose(String fieldId, int index) {
        WebElement radio = wait(20).until(ExpectedConditions.elementToBeClickable(By.cssSelector(
                "[id$='-" + fieldId + "-" + index + "']")));
        press(radio);
    }

    private String selectedText(String fieldId) {
        return field(fieldId + "-display").getText().strip();
    }

    private String fieldError(String fieldId) {
        WebElement anyInput = browser.findElements(By.cssSelector("[id$='-" + fieldId + "-0']")).isEmpty()
                ? field(fieldId) : field(fieldId + "-0");
        WebElement wrapper = anyInput.findElement(By.xpath("ancestor::div[contains(@class,'fjs-form-field ')][1]"));
        return wait(10).until(d -> {
            List<WebElement> errors = wrapper.findElements(By.cssSelector(".fjs-form-field-error"));
            String text = errors.isEmpty() ? "" : errors.get(0).getText().strip();
            return text.isEmpty() ? null : text;
        });
    }

    private void complete() {
        WebElement button = wait(20).until(ExpectedConditions.elementToBeClickable(
                By.xpath("//*[contains(@class,'task-details')]//button[normalize-space(.)='完了']")));
        press(button);
    }

    private String notification() {
        return wait(20).until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector(".page-notifications .alert"))).getText();
    }

    private void dismissNotifications() {
        for (WebElement close : browser.findElements(By.cssSelector(".page-notifications .alert .close"))) {
            if (close.isDisplayed()) {
                press(close);
            }
        }
    }

    private void awaitTaskGone(String orderNo) {
        wait(30).until(d -> tasks.createTaskQuery().processVariableValueEquals("orderNo", orderNo).count() == 0
                && tasks.createTaskQuery().taskNameLike("%" + orderNo + "%").count() == 0);
        shot("completed");
    }

    /** A click through the DOM (see {@link #insert} for why not WebDriver's click). */
    private void press(WebElement element) {
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'}); arguments[0].click();",
                element);
    }

    private String pageText() {
        return browser.findElement(By.tagName("body")).getText();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private WebDriverWait wait(int seconds) {
        return new WebDriverWait(browser, Duration.ofSeconds(seconds));
    }

    private void shot(String step) {
        try {
            byte[] png = ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES);
            Files.write(SHOTS.resolve((testName == null ? "0" : testName) + "-" + step + ".png"), png);
        } catch (IOException | RuntimeException e) {
            System.err.println("screenshot " + step + " failed: " + e);
        }
    }

    // ---- REST checks ----------------------------------------------------------------------------------------

    private List<JsonNode> mailsTo(String address) {
        JsonNode mails = rest.withBasicAuth("operator", "operator").getForObject("/api/demo/mailbox", JsonNode.class);
        return StreamSupport.stream(mails.spliterator(), false)
                .filter(m -> m.path("to").toString().contains(address)).toList();
    }

    private List<String> openMismatches() {
        JsonNode open = rest.withBasicAuth("operator", "operator").getForObject("/api/payment/mismatches", JsonNode.class);
        return StreamSupport.stream(open.spliterator(), false).map(m -> m.path("orderNo").asText()).toList();
    }
}
