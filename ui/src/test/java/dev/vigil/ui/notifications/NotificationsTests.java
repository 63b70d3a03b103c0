package dev.vigil.ui.notifications;

import org.junit.jupiter.api.Test;

import dev.vigil.ui.CannedBackend;
import dev.vigil.ui.UiTestSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class NotificationsTests extends UiTestSupport {

	static final String CHANNEL_ID = "0b7c3a52-3f7e-4c1e-9a57-5b1f5c2d9e10";

	static final String RULE_ID = "7d1e0a11-2b3c-4d5e-8f90-a1b2c3d4e5f6";

	static final String CHANNELS = """
			[{"id":"%s","type":"NTFY","name":"Phone","url":"https://ntfy.example.net","topic":"vigil-home",
			"priority":4,"secretSet":true,"enabled":true,"disabledReason":null,"consecutiveFailures":0,
			"createdAt":"2026-12-02T10:00:00Z"},
			{"id":"1c2d3e4f-0000-4000-8000-000000000001","type":"WEBHOOK","name":"Node-RED","url":"https://nodered.example.net/hook",
			"topic":null,"priority":4,"secretSet":true,"enabled":false,
			"disabledReason":"disabled after 10 failed attempts: 503 Service Unavailable","consecutiveFailures":10,
			"createdAt":"2026-12-02T10:05:00Z"}]"""
		.formatted(CHANNEL_ID);

	static final String RULE = """
			{"id":"%s","name":"People at night","enabled":true,"cameras":["driveway"],"labels":["person"],
			"minConfidence":0.6,"timeZone":"Europe/Berlin","schedule":{"MONDAY":[{"from":"00:00","to":"06:00"},
			{"from":"22:00","to":"24:00"}],"TUESDAY":[]},"quietHours":[{"from":"07:00","to":"08:00"}],
			"cooldownSeconds":300,"channels":["%s"],"createdAt":"2026-12-02T10:10:00Z"}""".formatted(RULE_ID,
			CHANNEL_ID);

	static final String LOG = """
			[{"id":"test:%1$s:abc","channel":"channel:%1$s","ruleId":null,"cameraId":"test","motionEventId":"test",
			"status":"SENT","attempts":1,"createdAt":"2026-12-02T10:20:00Z","finishedAt":"2026-12-02T10:20:01Z",
			"latencyMs":412,"lastError":null},
			{"id":"driveway.1:r:%2$s","channel":"channel:%1$s","ruleId":"%2$s","cameraId":"driveway",
			"motionEventId":"driveway.1","status":"FAILED","attempts":5,"createdAt":"2026-12-02T02:00:00Z",
			"finishedAt":"2026-12-02T02:04:00Z","latencyMs":null,"lastError":"ntfy answered 403"}]"""
		.formatted(CHANNEL_ID, RULE_ID);

	/** What notification-service answers for an invalid request (ApiException). */
	static final String INVALID_URL = """
			{"type":"https://vigil.dev/problems/invalid-request","title":"Invalid request","status":400,
			"detail":"1 field(s) are invalid: url refers to a private address (10.0.0.5)",
			"errors":[{"field":"url","problem":"refers to a private address (10.0.0.5)"}]}""";

	void canned() {
		this.backend.json("GET", "/api/v1/notifications/channels", 200, CHANNELS);
		this.backend.json("GET", "/api/v1/notifications/rules", 200, "[" + RULE + "]");
		this.backend.json("GET", "/api/v1/notifications/rules/" + RULE_ID, 200, RULE);
		this.backend.json("GET", "/api/v1/notifications/deliveries", 200, LOG);
	}

	@Test
	void theOverviewListsChannelsAndRulesAndNeverASecret() throws Exception {
		canned();
		String html = page(get("/admin/notifications"));
		assertThat(html).contains("Phone")
			.contains("https://ntfy.example.net/vigil-home")
			.contains("set (never shown)")
			.contains("disabled after 10 failed attempts: 503 Service Unavailable")
			.contains("Enable again")
			.contains("People at night")
			.contains("60 %")
			.contains("data-test=\"admin-notifications\"");
		assertThat(this.backend.requests("GET", "/api/v1/notifications/channels").get(0).authorization())
			.isEqualTo("Bearer " + ADMIN_TOKEN);
	}

	@Test
	void aViewerIsRefused() throws Exception {
		canned();
		this.mvc.perform(get("/admin/notifications").with(viewer())).andExpect(status().isForbidden());
		this.mvc.perform(post("/admin/notifications/channels/" + CHANNEL_ID + "/test").with(viewer()).with(csrf()))
			.andExpect(status().isForbidden());
		assertThat(this.backend.requests("POST", "/api/v1/notifications/channels/" + CHANNEL_ID + "/test")).isEmpty();
	}

	@Test
	void theChannelFormOffersNtfyAndWebhook() throws Exception {
		assertThat(page(get("/admin/notifications/channels/new"))).contains("value=\"https://ntfy.sh\"")
			.contains("data-test=\"type-WEBHOOK\"")
			.contains("autocomplete=\"new-password\"");
	}

	@Test
	void addsAnNtfyChannel() throws Exception {
		this.backend.json("POST", "/api/v1/notifications/channels", 201,
				CHANNELS.substring(1, CHANNELS.indexOf("},") + 1));
		this.mvc
			.perform(post("/admin/notifications/channels/new").with(admin())
				.with(csrf())
				.param("type", "NTFY")
				.param("name", " Phone ")
				.param("url", "https://ntfy.example.net")
				.param("topic", "vigil-home")
				.param("priority", "5")
				.param("secret", "tk_0123456789abcdef"))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/admin/notifications"));
		CannedBackend.Recorded sent = this.backend.requests("POST", "/api/v1/notifications/channels").get(0);
		assertThat(sent.authorization()).isEqualTo("Bearer " + ADMIN_TOKEN);
		assertThat(sent.body()).contains("\"type\":\"NTFY\"")
			.contains("\"name\":\"Phone\"")
			.contains("\"topic\":\"vigil-home\"")
			.contains("\"priority\":5")
			.contains("\"secret\":\"tk_0123456789abcdef\"");
	}

	@Test
	void theChannelFormOffersEmailWithStarttlsChosenAndNoPlainTextMode() throws Exception {
		String html = page(get("/admin/notifications/channels/new"));
		assertThat(html).contains("data-test=\"type-EMAIL\"")
			.contains("data-test=\"smtp-host\"")
			.contains("data-test=\"mail-from\"")
			.contains("data-test=\"mail-to\"")
			.containsPattern("value=\"STARTTLS\" data-test=\"smtp-STARTTLS\" checked")
			.doesNotContain("value=\"NONE\"");
	}

	@Test
	void addsAnEmailChannelWithItsRecipientsAndNoUrl() throws Exception {
		this.backend.json("POST", "/api/v1/notifications/channels", 201, """
				{"id":"%s","type":"EMAIL","name":"Mail","url":"smtps://smtp.example.net:465","topic":null,
				"priority":4,"secretSet":true,"enabled":true,"disabledReason":null,"consecutiveFailures":0,
				"createdAt":"2026-12-02T10:00:00Z","email":{"host":"smtp.example.net","port":465,"security":"TLS",
				"username":"vigil","from":"vigil@example.net","to":["me@example.net","you@example.net"]}}"""
			.formatted(CHANNEL_ID));
		this.mvc
			.perform(post("/admin/notifications/channels/new").with(admin())
				.with(csrf())
				.param("type", "EMAIL")
				.param("name", "Mail")
				.param("url", "")
				.param("smtpHost", " smtp.example.net ")
				.param("smtpPort", "465")
				.param("smtpSecurity", "TLS")
				.param("username", "vigil")
				.param("from", "vigil@example.net")
				.param("to", "me@example.net,\r\n you@example.net\n")
				.param("secret", "smtp-password-123"))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/admin/notifications"));
		CannedBackend.Recorded sent = this.backend.requests("POST", "/api/v1/notifications/channels").get(0);
		assertThat(sent.body()).contains("\"type\":\"EMAIL\"")
			.contains("\"smtpHost\":\"smtp.example.net\"")
			.contains("\"smtpPort\":465")
			.contains("\"smtpSecurity\":\"TLS\"")
			.contains("\"username\":\"vigil\"")
			.contains("\"from\":\"vigil@example.net\"")
			.contains("\"to\":[\"me@example.net\",\"you@example.net\"]")
			.contains("\"secret\":\"smtp-password-123\"")
			.doesNotContain("\"url\"");
	}

	@Test
	void theApisEmailFieldErrorsShowOnTheFormAndABadPortNeverReachesTheService() throws Exception {
		String local = this.mvc
			.perform(post("/admin/notifications/channels/new").with(admin())
				.with(csrf())
				.param("type", "EMAIL")
				.param("name", "Mail")
				.param("smtpHost", "smtp.example.net")
				.param("smtpPort", "five-eight-seven")
				.param("smtpSecurity", "NONE")
				.param("to", "me@example.net"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(local).contains("Port must be a number").contains("Choose STARTTLS or TLS.");
		assertThat(this.backend.requests("POST", "/api/v1/notifications/channels")).isEmpty();

		this.backend.json("POST", "/api/v1/notifications/channels", 400,
				"""
						{"type":"https://vigil.dev/problems/invalid-request","title":"Invalid request","status":400,
						"detail":"2 field(s) are invalid","errors":[{"field":"smtpHost","problem":"host 10.0.0.5 resolves to 10.0.0.5 (the service network 10.0.0.0/8)"},
						{"field":"to[1]","problem":"must be an e-mail address such as alerts@example.net"}]}""");
		String html = this.mvc
			.perform(post("/admin/notifications/channels/new").with(admin())
				.with(csrf())
				.param("type", "EMAIL")
				.param("name", "Mail")
				.param("smtpHost", "10.0.0.5")
				.param("from", "vigil@example.net")
				.param("to", "me@example.net, not-an-address")
				.param("secret", "smtp-password-123"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(html).contains("data-test=\"smtp-host-error\"")
			.contains("the service network 10.0.0.0/8")
			.contains("data-test=\"mail-to-error\"")
			.contains("me@example.net, not-an-address")
			.doesNotContain("smtp-password-123");
	}

	@Test
	void theApisFieldErrorsShowOnTheFormAndTheSecretIsNotEchoed() throws Exception {
		this.backend.json("POST", "/api/v1/notifications/channels", 400, INVALID_URL);
		String html = this.mvc
			.perform(post("/admin/notifications/channels/new").with(admin())
				.with(csrf())
				.param("type", "WEBHOOK")
				.param("name", "Inside")
				.param("url", "http://10.0.0.5/hook")
				.param("secret", "a-webhook-key-0123456789"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(html).contains("url refers to a private address (10.0.0.5)")
			.contains("The channel was not saved")
			.contains("value=\"http://10.0.0.5/hook\"")
			.contains("value=\"Inside\"")
			.doesNotContain("a-webhook-key-0123456789")
			.doesNotContain("Something went wrong");
	}

	@Test
	void refusesAMissingTypeWithoutCallingTheService() throws Exception {
		String html = this.mvc
			.perform(post("/admin/notifications/channels/new").with(admin()).with(csrf()).param("name", "X"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(html).contains("Choose webhook, ntfy or e-mail.");
		assertThat(this.backend.requests("POST", "/api/v1/notifications/channels")).isEmpty();
	}

	@Test
	void sendTestQueuesAndTheLogShowsTheOutcome() throws Exception {
		canned();
		this.backend.json("POST", "/api/v1/notifications/channels/" + CHANNEL_ID + "/test", 202,
				"{\"deliveryId\":\"test:" + CHANNEL_ID + ":abc\"}");
		this.mvc.perform(post("/admin/notifications/channels/" + CHANNEL_ID + "/test").with(admin()).with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl(
					"/admin/notifications/deliveries?channel=" + CHANNEL_ID + "&test=test%3A" + CHANNEL_ID + "%3Aabc"));
		String html = page(get("/admin/notifications/deliveries").param("channel", CHANNEL_ID)
			.param("test", "test:" + CHANNEL_ID + ":abc"));
		assertThat(html).contains("data-test=\"test-settled\"")
			.contains("SENT")
			.contains("1 attempt(s), 412 ms")
			.doesNotContain("data-reload=\"?")
			.contains("People at night")
			.contains("ntfy answered 403")
			.contains("FAILED");
		assertThat(this.backend.requests("GET", "/api/v1/notifications/deliveries").get(0).query())
			.contains("channel=channel:" + CHANNEL_ID);
	}

	@Test
	void aPendingTestReloadsThePageAFewTimesOnly() throws Exception {
		canned();
		this.backend.json("GET", "/api/v1/notifications/deliveries", 200, LOG.replace("\"SENT\"", "\"PENDING\""));
		String test = "test:" + CHANNEL_ID + ":abc";
		assertThat(page(get("/admin/notifications/deliveries").param("channel", CHANNEL_ID).param("test", test)))
			.contains("data-test=\"test-pending\"")
			.contains("data-reload=\"?channel=" + CHANNEL_ID + "&amp;test=" + test + "&amp;n=1\"");
		assertThat(page(get("/admin/notifications/deliveries").param("channel", CHANNEL_ID)
			.param("test", test)
			.param("n", String.valueOf(DeliveriesController.MAX_RELOADS)))).contains("refresh later")
			.doesNotContain("data-reload=\"?");
	}

	@Test
	void createsARuleFromTheForm() throws Exception {
		canned();
		this.backend.json("POST", "/api/v1/notifications/rules", 201, RULE);
		this.mvc
			.perform(post("/admin/notifications/rules/new").with(admin())
				.with(csrf())
				.param("name", "People at night")
				.param("enabled", "true")
				.param("cameras", "driveway")
				.param("labels", "person", "animal")
				.param("minConfidence", "60")
				.param("timeZone", "Europe/Berlin")
				.param("day-MONDAY", "0:00-06:00, 22:00-24:00")
				.param("quietHours", "07:00-08:00")
				.param("cooldownSeconds", "300")
				.param("channels", CHANNEL_ID))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/admin/notifications"));
		String body = this.backend.requests("POST", "/api/v1/notifications/rules").get(0).body();
		assertThat(body).contains("\"name\":\"People at night\"")
			.contains("\"enabled\":true")
			.contains("\"cameras\":[\"driveway\"]")
			.contains("\"labels\":[\"person\",\"animal\"]")
			.contains("\"minConfidence\":0.6")
			.contains("\"timeZone\":\"Europe/Berlin\"")
			.contains("\"MONDAY\":[{\"from\":\"00:00\",\"to\":\"06:00\"},{\"from\":\"22:00\",\"to\":\"24:00\"}]")
			.contains("\"SUNDAY\":[]")
			.contains("\"quietHours\":[{\"from\":\"07:00\",\"to\":\"08:00\"}]")
			.contains("\"cooldownSeconds\":300")
			.contains("\"channels\":[\"" + CHANNEL_ID + "\"]");
	}

	@Test
	void anEmptyWeekIsAlwaysArmedAndBadTimesStayOnTheForm() throws Exception {
		canned();
		this.backend.json("POST", "/api/v1/notifications/rules", 201, RULE);
		this.mvc
			.perform(post("/admin/notifications/rules/new").with(admin())
				.with(csrf())
				.param("name", "Always")
				.param("labels", "vehicle")
				.param("minConfidence", "50")
				.param("cooldownSeconds", "60")
				.param("channels", CHANNEL_ID))
			.andExpect(status().is3xxRedirection());
		assertThat(this.backend.requests("POST", "/api/v1/notifications/rules").get(0).body())
			.doesNotContain("schedule")
			.contains("\"enabled\":false")
			.contains("\"timeZone\":\"UTC\"");

		String html = this.mvc
			.perform(post("/admin/notifications/rules/new").with(admin())
				.with(csrf())
				.param("name", "Broken")
				.param("labels", "person")
				.param("minConfidence", "150")
				.param("quietHours", "late evening")
				.param("cooldownSeconds", "60"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(html).contains("Minimum confidence must be a number from 0 to 100")
			.contains("&#39;late evening&#39; is not a time span like 08:00-18:00.")
			.contains("value=\"Broken\"");
		assertThat(this.backend.requests("POST", "/api/v1/notifications/rules")).hasSize(1);
	}

	@Test
	void theRulesFieldErrorsFromTheApiGoNextToTheirFields() throws Exception {
		canned();
		this.backend.json("PUT", "/api/v1/notifications/rules/" + RULE_ID, 400,
				"""
						{"type":"https://vigil.dev/problems/invalid-request","title":"Invalid request","status":400,
						"detail":"2 field(s) are invalid","errors":[
						{"field":"cameras[0]","problem":"unknown camera 'shed' (no event seen from it yet; leave cameras empty for all)"},
						{"field":"schedule.MONDAY[0].from","problem":"'25:00' is not a time of day (00:00-23:59)"}]}""");
		String html = this.mvc
			.perform(post("/admin/notifications/rules/" + RULE_ID).with(admin())
				.with(csrf())
				.param("name", "People at night")
				.param("cameras", "shed")
				.param("labels", "person")
				.param("minConfidence", "60")
				.param("day-MONDAY", "25:00-26:00")
				.param("cooldownSeconds", "300")
				.param("channels", CHANNEL_ID))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(html).contains("cameras[0] unknown camera &#39;shed&#39;")
			.contains("MONDAY[0].from &#39;25:00&#39; is not a time of day")
			.contains("value=\"25:00-26:00\"")
			.contains("The rule was not saved");
	}

	@Test
	void theEditFormShowsTheRuleAsTyped() throws Exception {
		canned();
		String html = page(get("/admin/notifications/rules/" + RULE_ID));
		assertThat(html).contains("value=\"People at night\"")
			.contains("value=\"00:00-06:00, 22:00-24:00\"")
			.contains("value=\"07:00-08:00\"")
			.contains("value=\"60\"")
			.contains("value=\"Europe/Berlin\"");
	}

	@Test
	void aServiceThatIsDownIsAFriendlyPage() throws Exception {
		this.backend.json("GET", "/api/v1/notifications/channels", 503, "<html>bad gateway</html>");
		String html = this.mvc.perform(get("/admin/notifications").with(admin()))
			.andExpect(status().isBadGateway())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(html).doesNotContain("Whitelabel").contains("</html>");
	}

	private String page(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request)
			throws Exception {
		return this.mvc.perform(request.with(admin()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	static final String SYSTEM_RULE_ID = "9e8d7c6b-5a49-4382-b1a0-fedcba987654";

	static final String SYSTEM_RULE = """
			{"id":"%s","name":"Cameras and edges","enabled":true,"cameras":[],"labels":[],"minConfidence":0.5,
			"timeZone":"Europe/Berlin","schedule":null,"quietHours":[],"cooldownSeconds":300,"channels":["%s"],
			"createdAt":"2026-12-02T10:10:00Z","kind":"SYSTEM","conditions":["camera-silent","edge-disk"]}"""
		.formatted(SYSTEM_RULE_ID, CHANNEL_ID);

	static final String SYSTEM = """
			{"enabled":true,"checkIntervalSeconds":30,
			"thresholds":{"cameraSilentAfterMinutes":1440,"edgeSpoolWarningMb":800,"edgeMinFreeDiskMb":512,
			"deadLetterQuietAfterMinutes":15,"serviceFailures":2},
			"defaults":{"cameraSilentAfterMinutes":1440,"edgeSpoolWarningMb":1536,"edgeMinFreeDiskMb":512,
			"deadLetterQuietAfterMinutes":15,"serviceFailures":2},
			"set":{"cameraSilentAfterMinutes":null,"edgeSpoolWarningMb":800,"edgeMinFreeDiskMb":null,
			"deadLetterQuietAfterMinutes":null,"serviceFailures":null},
			"cameras":[{"camera":"driveway","silentAfterMinutes":60,"thresholdMinutes":60,
			"lastUpload":"2026-12-02T09:00:00Z","watched":true},
			{"camera":"shed","silentAfterMinutes":null,"thresholdMinutes":1440,"lastUpload":null,"watched":false}],
			"services":[{"name":"catalog","url":"http://catalog-api:9464/actuator/health/readiness"}],
			"conditions":[{"condition":"camera-silent","subject":"driveway","failing":true,
			"since":"2026-12-02T10:00:00Z","detail":"last upload 2026-12-02T09:00:00Z (60 min ago), threshold 60 min",
			"changes":1},
			{"condition":"service-down","subject":"catalog","failing":false,"since":"2026-12-02T08:00:00Z",
			"detail":"http://catalog-api:9464/actuator/health/readiness answers UP","changes":0}]}""";

	void cannedSystem() {
		canned();
		this.backend.json("GET", "/api/v1/notifications/rules", 200, "[" + RULE + "," + SYSTEM_RULE + "]");
		this.backend.json("GET", "/api/v1/notifications/rules/" + SYSTEM_RULE_ID, 200, SYSTEM_RULE);
		this.backend.json("GET", "/api/v1/notifications/system", 200, SYSTEM);
	}

	@Test
	void theSystemPageShowsEachConditionsStateTheThresholdsAndTheSystemRules() throws Exception {
		cannedSystem();
		String html = page(get("/admin/notifications/system"));
		assertThat(html).contains("1 failing")
			.contains("data-condition=\"camera-silent\"")
			.contains("threshold 60 min")
			.contains("Service down")
			.contains("Cameras and edges")
			.doesNotContain("People at night")
			.contains("value=\"800\"")
			.contains("placeholder=\"1536\"")
			.contains("60 min (its own)")
			.contains("1440 min (default)")
			.contains("disabled, not watched")
			.contains("href=\"/admin/cameras/driveway\"")
			.contains("http://catalog-api:9464/actuator/health/readiness");
		String overview = page(get("/admin/notifications"));
		assertThat(overview).contains("system: camera-silent, edge-disk")
			.contains("href=\"/admin/notifications/system/rules/" + SYSTEM_RULE_ID + "\"")
			.contains("data-test=\"system-alerts\"");
	}

	@Test
	void thresholdsAreSavedAsNumbersAndAnEmptyFieldMeansTheDefault() throws Exception {
		cannedSystem();
		this.backend.json("PUT", "/api/v1/notifications/system/thresholds", 200, SYSTEM);
		this.mvc
			.perform(post("/admin/notifications/system/thresholds").with(admin())
				.with(csrf())
				.param("cameraSilentAfterMinutes", "60")
				.param("edgeSpoolWarningMb", "")
				.param("serviceFailures", " 3 "))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/admin/notifications/system"));
		assertThat(this.backend.requests("PUT", "/api/v1/notifications/system/thresholds").get(0).body())
			.contains("\"cameraSilentAfterMinutes\":60")
			.contains("\"edgeSpoolWarningMb\":null")
			.contains("\"serviceFailures\":3");
	}

	@Test
	void aThresholdThatIsNotAWholeNumberIsRefusedAndTheApisRefusalsGoNextToTheirFields() throws Exception {
		cannedSystem();
		String html = this.mvc
			.perform(post("/admin/notifications/system/thresholds").with(admin())
				.with(csrf())
				.param("edgeMinFreeDiskMb", "half a disk"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(html).contains("&#39;half a disk&#39; is not a whole number");
		assertThat(this.backend.requests("PUT", "/api/v1/notifications/system/thresholds")).isEmpty();

		this.backend.json("PUT", "/api/v1/notifications/system/thresholds", 400, """
				{"type":"https://vigil.dev/problems/invalid-request","title":"invalid request","status":400,
				"detail":"1 field(s) are invalid","errors":[{"field":"serviceFailures",
				"problem":"must be 1 to 100 checks (or null for the default)"}]}""");
		String refused = this.mvc
			.perform(post("/admin/notifications/system/thresholds").with(admin())
				.with(csrf())
				.param("serviceFailures", "1000"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(refused).contains("must be 1 to 100 checks").contains("value=\"1000\"");
	}

	@Test
	void aSystemRuleIsSavedAsKindSystemWithItsConditionsAndOpensInItsOwnForm() throws Exception {
		cannedSystem();
		this.backend.json("POST", "/api/v1/notifications/rules", 201, SYSTEM_RULE);
		this.mvc
			.perform(post("/admin/notifications/system/rules/new").with(admin())
				.with(csrf())
				.param("name", "Cameras and edges")
				.param("enabled", "true")
				.param("conditions", "camera-silent", "edge-disk")
				.param("timeZone", "Europe/Berlin")
				.param("quietHours", "23:00-07:00")
				.param("channels", CHANNEL_ID))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/admin/notifications/system"));
		assertThat(this.backend.requests("POST", "/api/v1/notifications/rules").get(0).body())
			.contains("\"kind\":\"SYSTEM\"")
			.contains("\"conditions\":[\"camera-silent\",\"edge-disk\"]")
			.contains("\"labels\":[]")
			.contains("\"quietHours\":[{\"from\":\"23:00\",\"to\":\"07:00\"}]");
		this.mvc.perform(get("/admin/notifications/rules/" + SYSTEM_RULE_ID).with(admin()))
			.andExpect(redirectedUrl("/admin/notifications/system/rules/" + SYSTEM_RULE_ID));
		assertThat(page(get("/admin/notifications/system/rules/" + SYSTEM_RULE_ID))).contains("Edit system rule")
			.containsPattern("value=\"edge-disk\"[^>]*checked");
	}

	@Test
	void aViewerCannotSeeOrChangeSystemAlerts() throws Exception {
		cannedSystem();
		this.mvc.perform(get("/admin/notifications/system").with(viewer())).andExpect(status().isForbidden());
		this.mvc
			.perform(post("/admin/notifications/system/thresholds").with(viewer())
				.with(csrf())
				.param("serviceFailures", "1"))
			.andExpect(status().isForbidden());
		assertThat(this.backend.requests("PUT", "/api/v1/notifications/system/thresholds")).isEmpty();
	}

}
