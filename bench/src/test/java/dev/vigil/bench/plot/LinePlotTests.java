package dev.vigil.bench.plot;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class LinePlotTests {

	@Test
	void niceTicksAreRoundStepsCoveringTheRange() {
		assertThat(LinePlot.niceTicks(0, 47)).containsExactly(0.0, 10.0, 20.0, 30.0, 40.0, 50.0);
		assertThat(LinePlot.niceTicks(0, 1)).containsExactly(0.0, 0.2, 0.4, 0.6000000000000001, 0.8, 1.0);
		assertThat(LinePlot.niceTicks(0, 180)).containsExactly(0.0, 50.0, 100.0, 150.0, 200.0);
		assertThat(LinePlot.niceTicks(5, 5)).first().isEqualTo(5.0);
	}

	@Test
	void decadesCoverAPositiveRange() {
		assertThat(LinePlot.decades(0.004, 120)).containsExactly(0.001, 0.01, 0.1, 1.0, 10.0, 100.0, 1000.0);
		assertThat(LinePlot.decades(1, 1)).containsExactly(1.0, 10.0);
	}

	@Test
	void writesWellFormedSvgWithOneLinePerSeriesAndEscapedText() throws Exception {
		LinePlot plot = new LinePlot("Files <per> second & more", "cameras", "files/s", false, List.of(
				new LinePlot.Series("vsftpd", List.of(new LinePlot.Point(1, 10), new LinePlot.Point(50, 200))),
				new LinePlot.Series("edge \"live\"", List.of(new LinePlot.Point(1, 8), new LinePlot.Point(50, 150)))));

		String svg = plot.toSvg();
		Document document = DocumentBuilderFactory.newInstance()
			.newDocumentBuilder()
			.parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));

		assertThat(document.getDocumentElement().getTagName()).isEqualTo("svg");
		assertThat(document.getElementsByTagName("polyline").getLength()).isEqualTo(2);
		assertThat(document.getElementsByTagName("circle").getLength()).isEqualTo(4);
		assertThat(svg).contains("Files &lt;per&gt; second &amp; more").contains("edge &quot;live&quot;");
	}

	@Test
	void logarithmicAxisPlacesDecadesEvenly() throws Exception {
		LinePlot plot = new LinePlot("cdf", "s", "share", true,
				List.of(new LinePlot.Series("a", List.of(new LinePlot.Point(0.01, 0.5), new LinePlot.Point(1, 1)))));
		String points = plot.toSvg().replaceAll("(?s).*<polyline[^>]*points=\"([^\"]*)\".*", "$1");
		String[] pairs = points.split(" ");
		double x1 = Double.parseDouble(pairs[0].split(",")[0]);
		double x2 = Double.parseDouble(pairs[1].split(",")[0]);
		// 0.01 and 1 are the axis ends: the whole plot width apart.
		assertThat(x2 - x1).isEqualTo(470.0);
	}

	@Test
	void refusesEmptyPlotsAndNonPositiveLogValues() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new LinePlot("t", "x", "y", false, List.of(new LinePlot.Series("a", List.of()))));
		assertThatIllegalArgumentException().isThrownBy(() -> new LinePlot("t", "x", "y", true,
				List.of(new LinePlot.Series("a", List.of(new LinePlot.Point(0, 1))))));
	}

}
