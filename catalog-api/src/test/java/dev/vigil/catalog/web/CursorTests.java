package dev.vigil.catalog.web;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CursorTests {

	@Test
	void readsBackWhatItWrote() {
		Cursor cursor = new Cursor(Instant.parse("2016-08-30T13:51:37.412Z"), "a".repeat(64));
		assertThat(Cursor.decode(cursor.encode())).isEqualTo(cursor);
	}

	@Test
	void treatsAnAbsentCursorAsTheFirstPage() {
		assertThat(Cursor.decode(null)).isNull();
		assertThat(Cursor.decode("")).isNull();
	}

	@ParameterizedTest
	@ValueSource(strings = { "not-base64!", "eyIkZ3QiOiIifQ", "MTIzNDU", "OjEyMw", "{\"$gt\":\"\"}" })
	void rejectsTextItDidNotWrite(String text) {
		assertThatThrownBy(() -> Cursor.decode(text)).isInstanceOf(ApiException.class).hasMessageContaining("cursor");
	}

	@Test
	void rejectsAnOperatorSmuggledIntoTheId() {
		String forged = Base64.getUrlEncoder()
			.encodeToString("1:{\"$where\":\"sleep(1000)\"}".getBytes(StandardCharsets.US_ASCII));
		assertThatThrownBy(() -> Cursor.decode(forged)).isInstanceOf(ApiException.class);
	}

	@Test
	void rejectsAnOversizedCursor() {
		assertThatThrownBy(() -> Cursor.decode("A".repeat(5000))).isInstanceOf(ApiException.class);
	}

	@Test
	void rejectsARangeThatEndsBeforeItStarts() {
		assertThatThrownBy(
				() -> new TimeRange(Instant.parse("2020-01-02T00:00:00Z"), Instant.parse("2020-01-01T00:00:00Z")))
			.isInstanceOf(ApiException.class)
			.hasMessageContaining("from must not be after to");
	}

}
