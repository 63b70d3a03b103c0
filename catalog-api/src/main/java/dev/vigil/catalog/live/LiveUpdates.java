package dev.vigil.catalog.live;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.data.redis.connection.Message;
import org.springframework.data.redis.connection.MessageListener;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.listener.ChannelTopic;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;
import org.springframework.http.HttpStatus;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import dev.vigil.catalog.media.MediaChanged;
import dev.vigil.catalog.security.CameraScope;
import dev.vigil.catalog.web.ApiException;

/**
 * Fan-out of media changes: the instance that indexed a change publishes it on a Redis
 * channel, and every instance (itself included) forwards it to its own SSE clients whose
 * camera scope allows it. So a client sees every change whichever instance it is
 * connected to.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(LiveProperties.class)
class LiveUpdates implements MessageListener, SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(LiveUpdates.class);

	private final StringRedisTemplate redis;

	private final JsonMapper json;

	private final LiveProperties properties;

	private final Set<Client> clients = ConcurrentHashMap.newKeySet();

	private final Object admission = new Object();

	private volatile boolean running;

	LiveUpdates(StringRedisTemplate redis, JsonMapper json, LiveProperties properties) {
		this.redis = redis;
		this.json = json;
		this.properties = properties;
	}

	@Bean
	RedisMessageListenerContainer liveUpdatesListener(RedisConnectionFactory connections) {
		RedisMessageListenerContainer container = new RedisMessageListenerContainer();
		container.setConnectionFactory(connections);
		container.addMessageListener(this, new ChannelTopic(this.properties.channel()));
		return container;
	}

	@EventListener
	void publish(MediaChanged change) {
		try {
			this.redis.convertAndSend(this.properties.channel(), this.json.writeValueAsString(change));
		}
		catch (RuntimeException ex) {
			log.warn("Could not publish a live update for {}: {}", change.mediaId(), ex.getMessage());
		}
	}

	@Override
	public void onMessage(Message message, byte[] pattern) {
		MediaChanged change;
		try {
			change = this.json.readValue(new String(message.getBody(), StandardCharsets.UTF_8), MediaChanged.class);
		}
		catch (RuntimeException ex) {
			log.warn("Ignoring an unreadable live update: {}", ex.getMessage());
			return;
		}
		for (Client client : this.clients) {
			if (client.scope().permits(change.cameraId())) {
				send(client, change);
			}
		}
	}

	private void send(Client client, MediaChanged change) {
		try {
			client.emitter()
				.send(SseEmitter.event()
					.name(change.change().name().toLowerCase(Locale.ROOT))
					.id(change.mediaId())
					.data(change));
		}
		catch (IOException | IllegalStateException ex) {
			this.clients.remove(client);
		}
	}

	/**
	 * Opens a stream for a caller. Checked and added under one lock, so concurrent
	 * requests of one caller cannot pass the per-caller cap together.
	 * @param scope the cameras the caller may see
	 * @param caller the token's subject, so one user or integrator cannot take every slot
	 * @return the stream
	 */
	SseEmitter subscribe(CameraScope scope, String caller) {
		SseEmitter emitter = new SseEmitter(this.properties.streamTimeout().toMillis());
		Client client = new Client(emitter, scope, caller);
		synchronized (this.admission) {
			if (this.clients.size() >= this.properties.maxClients()) {
				throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "too-many-streams", "Too many live streams",
						"This instance has no room for another live stream; retry later");
			}
			long own = this.clients.stream().filter((open) -> open.caller().equals(caller)).count();
			if (own >= this.properties.maxClientsPerCaller()) {
				throw new ApiException(HttpStatus.TOO_MANY_REQUESTS, "too-many-streams", "Too many live streams",
						"This caller already has " + own + " live streams open; close one first");
			}
			this.clients.add(client);
		}
		emitter.onCompletion(() -> this.clients.remove(client));
		emitter.onTimeout(() -> this.clients.remove(client));
		emitter.onError((ex) -> this.clients.remove(client));
		try {
			// Sent at once so that clients (and tests) know the subscription is live.
			emitter.send(SseEmitter.event().name("ready").data("{}"));
		}
		catch (IOException ex) {
			this.clients.remove(client);
		}
		return emitter;
	}

	@Scheduled(fixedDelayString = "${vigil.catalog.live.heartbeat:15s}")
	void heartbeat() {
		for (Client client : this.clients) {
			try {
				client.emitter().send(SseEmitter.event().comment("keep-alive"));
			}
			catch (IOException | IllegalStateException ex) {
				this.clients.remove(client);
			}
		}
	}

	int clients() {
		return this.clients.size();
	}

	@Override
	public void start() {
		this.running = true;
	}

	/**
	 * Ends every stream before the web server's graceful shutdown (this phase stops
	 * first), which would otherwise wait for these never-ending requests.
	 */
	@Override
	public void stop() {
		this.running = false;
		for (Client client : this.clients) {
			client.emitter().complete();
		}
		this.clients.clear();
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	private record Client(SseEmitter emitter, CameraScope scope, String caller) {

	}

}
