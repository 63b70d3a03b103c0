package dev.vigil.catalog.edge;

import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.vigil.contracts.EdgeHeartbeat;

@RestController
@RequestMapping("/api/v1/edges")
@Tag(name = "Edge nodes", description = "The edge nodes cameras upload to, as their heartbeats report them")
class EdgeController {

	private final EdgeNodes edges;

	EdgeController(EdgeNodes edges) {
		this.edges = edges;
	}

	@GetMapping
	@Operation(summary = "Every edge node that has sent a heartbeat: last heard from, spool, free disk, version")
	List<EdgeView> list() {
		return this.edges.all().stream().map(this::view).toList();
	}

	private EdgeView view(EdgeNodeDocument edge) {
		return new EdgeView(edge.id(), this.edges.isOnline(edge), edge.receivedAt(), edge.version(), edge.startedAt(),
				edge.spoolDepth(), edge.spoolBytes(), edge.freeDiskBytes(), edge.cameras(), edge.endpoints());
	}

	/**
	 * An edge node.
	 *
	 * @param id edge node id
	 * @param online heard from within {@code vigil.catalog.edges.offline-after}
	 * @param lastHeardAt when its latest heartbeat arrived
	 * @param version its software version
	 * @param startedAt when it started
	 * @param spoolDepth uploads waiting there
	 * @param spoolBytes their size
	 * @param freeDiskBytes free space on its data volume
	 * @param cameras camera accounts on it
	 * @param endpoints where cameras reach it
	 */
	record EdgeView(String id, boolean online, Instant lastHeardAt, String version, Instant startedAt, int spoolDepth,
			long spoolBytes, long freeDiskBytes, int cameras, List<EdgeHeartbeat.Endpoint> endpoints) {

	}

}
