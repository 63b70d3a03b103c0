package dev.vigil.notify.channel;

import java.util.List;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * What rules need to know about channels.
 */
@Component
public class ChannelDirectory {

	private final MongoTemplate mongo;

	ChannelDirectory(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	/**
	 * @param ids channel ids
	 * @return those that do not exist
	 */
	public List<String> missing(List<String> ids) {
		return ids.stream()
			.filter((id) -> !this.mongo.exists(Query.query(Criteria.where("_id").is(id)), ChannelConfig.class))
			.toList();
	}

	/**
	 * The name deliveries to a channel carry.
	 * @param id channel id
	 * @return {@code channel:<id>}
	 */
	public static String deliveryName(String id) {
		return Channels.PREFIX + id;
	}

}
