import { CATEGORIES, SEXUAL_CATEGORIES, type Category } from '@/lib/rules';

/**
 * What a document that leaves the case team may say about the kind of case.
 * A notice goes to families and an export to whoever the auditor hands it
 * to; "digital sex offence" there says what the material is (a deepfake, a
 * hidden camera) and so points at the images themselves. Outside the case
 * page every sexual category reads as sexual violence (성폭력), which is
 * also the term the police report and the statistics act use. Pure.
 */
export function disclosedCategory(category: Category): Category {
  return (SEXUAL_CATEGORIES as readonly Category[]).includes(category) ? 'sexual_violence' : category;
}

/** The categories as a notice or export may print them: masked, without duplicates, in catalogue order. */
export function disclosedCategories(categories: readonly string[]): Category[] {
  const known = categories.filter((c): c is Category => (CATEGORIES as readonly string[]).includes(c));
  const shown = new Set(known.map(disclosedCategory));
  return CATEGORIES.filter((c) => shown.has(c));
}

/**
 * A category filter as an export may apply it: asking for one sexual
 * category gets all of them, so the rows of an export never single out the
 * cases of the undisclosed kind.
 */
export function disclosedCategoryFilter(categories: readonly Category[]): Category[] {
  const sexual = categories.some((c) => (SEXUAL_CATEGORIES as readonly Category[]).includes(c));
  const wanted = new Set<Category>([...categories, ...(sexual ? SEXUAL_CATEGORIES : [])]);
  return CATEGORIES.filter((c) => wanted.has(c));
}
