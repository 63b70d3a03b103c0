package dev.vigil.devstack;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Closes the Spring TestContext framework's cached application contexts, when Spring's
 * test support is on the classpath. Reflection keeps Spring out of devstack's
 * dependencies; if Spring changes its internals this does nothing and contexts close in
 * Spring's own JVM shutdown hook as before.
 */
final class SpringTestContexts {

	private static final Logger logger = LoggerFactory.getLogger(SpringTestContexts.class);

	private static final String DELEGATE = "org.springframework.test.context.cache.DefaultCacheAwareContextLoaderDelegate";

	private SpringTestContexts() {
	}

	static void closeCached() {
		try {
			Class<?> delegate = Class.forName(DELEGATE, false, SpringTestContexts.class.getClassLoader());
			Field field = delegate.getDeclaredField("defaultContextCache");
			field.setAccessible(true);
			Object cache = field.get(null);
			// ContextCache.clear() only forgets contexts; closing each one stops its
			// clients.
			Field contexts = cache.getClass().getDeclaredField("contextMap");
			contexts.setAccessible(true);
			List<Object> cached = new ArrayList<>(((Map<?, ?>) contexts.get(cache)).values());
			Collections.reverse(cached);
			for (Object context : cached) {
				context.getClass().getMethod("close").invoke(context);
			}
			Class.forName("org.springframework.test.context.cache.ContextCache", false, delegate.getClassLoader())
				.getMethod("reset")
				.invoke(cache);
			if (!cached.isEmpty()) {
				logger.info("Closed {} cached Spring test context(s) before stopping the infrastructure",
						cached.size());
			}
		}
		catch (ClassNotFoundException ex) {
			// No Spring tests in this JVM.
		}
		catch (ReflectiveOperationException | RuntimeException ex) {
			logger.warn("Could not close cached Spring test contexts before stopping the infrastructure", ex);
		}
	}

}
