import { describe, expect, it } from 'vitest';
import { tileAttribution, tileUrlProblem } from './tiles';

describe('tile URL templates', () => {
  it('accepts https XYZ templates', () => {
    expect(tileUrlProblem('https://tile.openstreetmap.org/{z}/{x}/{y}.png')).toBeUndefined();
    expect(
      tileUrlProblem('https://{s}.tile.example.org:8443/a/{z}/{x}/{y}@2x.png'),
    ).toBeUndefined();
  });
  it('refuses other schemes, credentials, odd hosts and templates without placeholders', () => {
    expect(tileUrlProblem('http://tile.openstreetmap.org/{z}/{x}/{y}.png')).toBe('https');
    expect(tileUrlProblem('javascript:alert(1)//{z}/{x}/{y}')).toBe('https');
    expect(tileUrlProblem('https://user:pw@tiles.example.org/{z}/{x}/{y}.png')).toBe('https');
    expect(tileUrlProblem('https://tiles.example.org/"><img src=x>/{z}/{x}/{y}')).toBe('https');
    expect(tileUrlProblem('https://localhost/{z}/{x}/{y}.png')).toBe('https');
    expect(tileUrlProblem('https://tiles.example.org/{z}/{x}.png')).toBe('placeholders');
  });
  it('names the provider to credit from the host alone', () => {
    expect(tileAttribution('https://tile.openstreetmap.org/{z}/{x}/{y}.png')).toEqual({
      kind: 'osm',
    });
    expect(tileAttribution('https://{s}.tile.openstreetmap.fr/hot/{z}/{x}/{y}.png')).toEqual({
      kind: 'osm',
    });
    expect(tileAttribution('https://{s}.Tiles.Example.org/{z}/{x}/{y}.png')).toEqual({
      kind: 'other',
      host: 'tiles.example.org',
    });
    expect(tileAttribution('https://evilopenstreetmap.org.example/{z}/{x}/{y}')).toMatchObject({
      kind: 'other',
    });
  });
});
