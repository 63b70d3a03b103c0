package dev.vigil.devstack;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestInstanceFactoryContext;
import org.junit.jupiter.api.extension.TestInstancePreConstructCallback;

/**
 * JUnit 5 extension behind {@link VigilInfrastructure}.
 */
public final class InfrastructureExtension
		implements BeforeAllCallback, TestInstancePreConstructCallback, ParameterResolver {

	private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace
		.create(InfrastructureExtension.class);

	/**
	 * Static accessor for {@code @DynamicPropertySource} methods and other static code.
	 * @return the shared infrastructure, started if needed
	 */
	public static Infrastructure infrastructure() {
		return SharedInfrastructure.get();
	}

	@Override
	public void beforeAll(ExtensionContext context) {
		start(context);
	}

	/**
	 * With {@code @TestInstance(PER_CLASS)} the instance (and a Spring context) is
	 * created before {@code beforeAll}: the properties must already be set then.
	 */
	@Override
	public void preConstructTestInstance(TestInstanceFactoryContext factoryContext, ExtensionContext context) {
		start(context);
	}

	private static void start(ExtensionContext context) {
		// The root store is closed when the whole test run ends, so every test class of
		// this
		// JVM shares one set of servers.
		Infrastructure infrastructure = context.getRoot()
			.getStore(NAMESPACE)
			.computeIfAbsent(StoredInfrastructure.class, (key) -> new StoredInfrastructure(SharedInfrastructure.get()),
					StoredInfrastructure.class)
			.infrastructure();
		infrastructure.springProperties().forEach(System::setProperty);
	}

	@Override
	public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
		return parameterContext.getParameter().getType() == Infrastructure.class;
	}

	@Override
	public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
		return SharedInfrastructure.get();
	}

	private record StoredInfrastructure(Infrastructure infrastructure) implements AutoCloseable {

		@Override
		public void close() {
			// The JUnit run is over, but cached Spring test contexts only close in a JVM
			// shutdown hook, after the servers are gone: their Kafka consumers would then
			// wait
			// for a broker that never answers. Close them first, while everything still
			// runs.
			SpringTestContexts.closeCached();
			SharedInfrastructure.close();
		}

	}

}
