/**
 * Measures detectors against a hand-labelled set of real footage: precision, recall and
 * the confidence histogram. Run as a program (see {@link DetectorEvaluation}).
 */
@NullMarked
package dev.vigil.processing.detect.eval;

import org.jspecify.annotations.NullMarked;
