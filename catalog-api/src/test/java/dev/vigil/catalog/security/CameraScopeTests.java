package dev.vigil.catalog.security;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.vigil.catalog.web.ApiException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CameraScopeTests {

	@Test
	void limitsQueriesToTheListedCameras() {
		CameraScope scope = CameraScope.of(List.of("porch"));
		assertThat(scope.permits("porch")).isTrue();
		assertThat(scope.permits("driveway")).isFalse();
		assertThat(scope.restrict("cameraId", null).getCriteriaObject().toJson()).contains("$in").contains("porch");
	}

	@Test
	void refusesACameraOutsideTheScopeWith403() {
		assertThatThrownBy(() -> CameraScope.of(List.of("porch")).restrict("cameraId", "driveway"))
			.isInstanceOf(ApiException.class)
			.extracting((ex) -> ((ApiException) ex).status().value())
			.isEqualTo(403);
	}

	@Test
	void aWildcardAllowsEveryCamera() {
		assertThat(CameraScope.of(List.of("*")).permits("anything")).isTrue();
		assertThat(CameraScope.of(List.of("*")).restrict("cameraId", null)).isNull();
	}

	@Test
	void anEmptyListAllowsNothing() {
		assertThat(CameraScope.of(List.of()).permits("porch")).isFalse();
	}

}
