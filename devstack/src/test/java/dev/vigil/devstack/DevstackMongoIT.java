package dev.vigil.devstack;

import java.util.List;

import org.bson.Document;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.aggregation.Aggregation;
import org.springframework.data.mongodb.repository.MongoRepository;
import org.springframework.data.mongodb.repository.config.EnableMongoRepositories;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Spring Data MongoDB against the infrastructure, configured only through the system
 * properties the extension sets ({@code spring.mongodb.uri}) before the context loads.
 */
@VigilInfrastructure
@SpringBootTest(classes = DevstackMongoIT.MongoApplication.class, properties = "spring.mongodb.database=devstack-it")
class DevstackMongoIT {

	@Autowired
	ReadingRepository readings;

	@Autowired
	MongoTemplate template;

	@Test
	void insertsQueriesAndAggregatesThroughSpringDataMongoDb(Infrastructure infrastructure) {
		this.readings.deleteAll();
		this.readings.saveAll(List.of(new Reading(null, "front-door", 3), new Reading(null, "front-door", 4),
				new Reading(null, "garden", 5)));

		assertThat(this.readings.findByCamera("front-door")).extracting(Reading::motions)
			.containsExactlyInAnyOrder(3, 4);
		List<Document> totals = this.template.aggregate(
				Aggregation.newAggregation(Aggregation.group("camera").sum("motions").as("total"),
						Aggregation.sort(org.springframework.data.domain.Sort.Direction.ASC, "_id")),
				"reading", Document.class)
			.getMappedResults();
		assertThat(totals).extracting((document) -> document.get("_id") + "=" + document.get("total"))
			.containsExactly("front-door=7", "garden=5");
		assertThat(this.template.getDb().getName()).isEqualTo("devstack-it");
		assertThat(System.getProperty("spring.mongodb.uri")).isEqualTo(infrastructure.mongoUri());
	}

	@Test
	void keepsDocumentsAcrossAStopAndStart(Infrastructure infrastructure) {
		Reading saved = this.readings.save(new Reading(null, "porch", 1));

		infrastructure.stop(Component.MONGO);
		infrastructure.start(Component.MONGO);

		assertThat(this.readings.findById(saved.id())).contains(saved);
	}

	@SpringBootApplication
	@EnableMongoRepositories(considerNestedRepositories = true)
	static class MongoApplication {

	}

	record Reading(@Id String id, String camera, int motions) {
	}

	interface ReadingRepository extends MongoRepository<Reading, String> {

		List<Reading> findByCamera(String camera);

	}

}
