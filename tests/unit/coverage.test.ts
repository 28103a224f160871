/** What a press coverage item says of itself without a standfirst, and its media after « de ». */
import { describe, expect, it } from 'vitest';
import { coverageDescription, ofMedia } from '../../src/content/coverage';

describe('press coverage', () => {
	it('describes an item by its summary, or by its media', () => {
		expect(coverageDescription({ media: 'Midi Libre' }, 'Le quotidien revient sur la **visite**.\n')).toBe(
			'Le quotidien revient sur la visite.',
		);
		expect(coverageDescription({ media: 'Midi Libre' }, '\n')).toBe('Retombée presse dans Midi Libre.');
	});

	it('elides and contracts « de » before the media’s name', () => {
		expect(ofMedia('Midi Libre')).toBe('de Midi Libre');
		expect(ofMedia('Objectif Gard')).toBe('d’Objectif Gard');
		expect(ofMedia('Le Monde')).toBe('du Monde');
		expect(ofMedia('Les Échos')).toBe('des Échos');
		expect(ofMedia('La Lozère Nouvelle')).toBe('de La Lozère Nouvelle');
	});
});
