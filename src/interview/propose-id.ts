/** Proposes an id from the start date and the title: `YYYY-MM-DD-slug`, the slug cut at a word. */
export function proposeId(started: string, title: string): string {
  const slug = title
    .normalize('NFKD')
    .replace(/ß/g, 'ss')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  let cut = slug;
  if (cut.length > 60) {
    cut = cut.slice(0, 61);
    cut = cut.includes('-') ? cut.slice(0, cut.lastIndexOf('-')) : cut.slice(0, 60);
  }
  return `${started.slice(0, 10)}-${cut.replace(/-+$/, '') || 'incident'}`;
}
