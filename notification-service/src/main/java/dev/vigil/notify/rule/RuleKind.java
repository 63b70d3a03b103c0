package dev.vigil.notify.rule;

/**
 * What a rule reacts to.
 */
public enum RuleKind {

	/** Motion events with a label (the default). */
	EVENT,

	/**
	 * System conditions: silent cameras, edge backlog or disk, dead letters, services
	 * down.
	 */
	SYSTEM

}
