import { describe, expect, it } from 'vitest';
import { CATEGORIES } from '@/lib/rules';
import { disclosedCategories, disclosedCategory, disclosedCategoryFilter } from './categories';

describe('disclosed categories', () => {
  it('a digital sex offence is disclosed as sexual violence', () => {
    expect(disclosedCategory('digital_sex_offence')).toBe('sexual_violence');
    expect(disclosedCategories(['digital_sex_offence'])).toEqual(['sexual_violence']);
  });

  it('both sexual categories collapse into one sexual violence, the others stay as they are, in catalogue order', () => {
    expect(disclosedCategories(['digital_sex_offence', 'verbal', 'sexual_violence', 'physical'])).toEqual(['physical', 'verbal', 'sexual_violence']);
  });

  it('no category other than the sexual ones changes', () => {
    for (const c of CATEGORIES.filter((x) => x !== 'digital_sex_offence')) expect(disclosedCategory(c)).toBe(c);
  });

  it('no disclosed list ever holds digital_sex_offence, whatever the input', () => {
    const all = [...CATEGORIES, 'digital_sex_offence', 'unknown-thing'];
    expect(disclosedCategories(all)).not.toContain('digital_sex_offence');
    expect(disclosedCategories(all)).toHaveLength(CATEGORIES.length - 1);
  });

  it('a filter on one sexual category widens to both, so an export cannot single out deepfake cases', () => {
    expect(disclosedCategoryFilter(['digital_sex_offence'])).toEqual(['sexual_violence', 'digital_sex_offence']);
    expect(disclosedCategoryFilter(['sexual_violence', 'physical'])).toEqual(['physical', 'sexual_violence', 'digital_sex_offence']);
    expect(disclosedCategoryFilter(['verbal'])).toEqual(['verbal']);
    expect(disclosedCategoryFilter([])).toEqual([]);
  });
});
