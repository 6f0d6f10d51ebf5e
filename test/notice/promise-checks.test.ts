import { describe, expect, it } from 'vitest';
import { parsePostmortem } from '../../src/model/index.js';
import { checkNoticePromises } from '../../src/notice/promise-checks.js';

/** A postmortem whose notice says `text` in `next_steps.<lang>`, with one action item of that status. */
function promise(
  lang: 'en' | 'de' | 'fr',
  text: string,
  status: string,
  action = 'Add a second storage node to the cluster',
) {
  const source = [
    '---',
    'notice:',
    `  languages: [${lang}]`,
    `  next_steps: { ${lang}: ${JSON.stringify(text)} }`,
    '---',
    '',
    '## Action items',
    '',
    '| Action | Type | Owner | Due | Status |',
    '| --- | --- | --- | --- | --- |',
    `| ${action} | prevent | storage-team | 2020-04-01 | ${status} |`,
    '',
  ].join('\n');
  return checkNoticePromises(parsePostmortem(source).postmortem);
}

describe('notice-promises', () => {
  it.each([
    ['en', 'The service is now available again.'],
    ['en', 'Your bookings are now back to normal, and all data was restored.'],
    ['en', 'Until now we had not seen this error.'],
    ['en', 'For now, please retry failed uploads.'],
    ['en', 'Now that the service is back online, you can log in as usual.'],
    ['en', 'We are now adding a second storage node.'],
    ['en', 'We will add a second storage node by April.'],
    ['en', 'In future, a second storage node will take over.'],
    ['en', 'Going forward, we will run a second storage node.'],
    ['en', 'We’re adding a second storage node.'],
    ['de', 'Der Dienst ist jetzt wieder erreichbar.'],
    ['de', 'Ihre Buchungen sind nun wiederhergestellt.'],
    ['de', 'Bis jetzt war uns dieser Fehler nicht begegnet.'],
    ['de', 'Wir werden jetzt einen zweiten Speicherknoten einbauen.'],
    ['de', 'Künftig übernimmt ein zweiter Speicherknoten.'],
    ['de', 'Die Zugausfälle sind jetzt behoben.'],
    ['fr', 'Le service est de nouveau disponible.'],
    // Recovery, read in the French notices: what customers can do again is no fix claimed.
    ['fr', 'Vous pouvez désormais exporter vos factures normalement.'],
    ['fr', 'Vos réservations fonctionnent désormais normalement.'],
    ['fr', 'Vos photos sont maintenant toutes récupérées.'],
    ['fr', 'Nous allons ajouter un second nœud de stockage d’ici avril.'],
    ['fr', 'Nous mettons en place un second nœud de stockage.'],
  ] as const)('%s: no claim in "%s" while the fix is open', (lang, text) => {
    expect(promise(lang, text, 'open')).toEqual([]);
  });

  it.each([
    ['en', 'We now run a second storage node in the cluster.', 'now'],
    ['en', 'From now on, a second storage node runs in every cluster.', 'From now on'],
    ['en', "We've added a second storage node.", "We've added"],
    ['en', 'We’ve added a second storage node.', 'We’ve added'],
    ['en', 'We have since added a second storage node.', 'We have since added'],
    ['en', 'Going forward, a second storage node runs in every cluster.', 'Going forward'],
    ['de', 'Ab sofort läuft ein zweiter Speicherknoten.', 'Ab sofort'],
    ['de', 'Wir betreiben jetzt einen zweiten Speicherknoten.', 'jetzt'],
    ['de', 'Wir haben einen zweiten Speicherknoten eingeführt.', 'Wir haben einen zweiten Speicherknoten eingeführt'],
    ['fr', 'Désormais, un second nœud de stockage tourne dans chaque cluster.', 'Désormais'],
    ['fr', 'Nous avons ajouté un second nœud de stockage.', 'Nous avons ajouté'],
    ['fr', 'Nous exploitons maintenant un second nœud de stockage.', 'maintenant'],
  ] as const)('%s: "%s" claims the open fix ("%s")', (lang, text, phrase) => {
    const found = promise(lang, text, 'in-progress');
    expect(found.map((f) => f.message)).toEqual([expect.stringContaining(`says "${phrase}", found`)]);
    expect(promise(lang, text, 'done')).toEqual([]);
  });

  it('judges a claim by the item it names, not by another that is done', () => {
    const text = 'We now test every update against a full copy of real data.';
    const open = promise('en', text, 'in-progress', 'Test every update against a masked copy of real data');
    expect(open[0]?.message).toContain('"Test every update against a masked copy of real data" done');
    expect(promise('en', text, 'done', 'Test every update against a masked copy of real data')).toEqual([]);
  });

  it('judges a translation by the English sentence at its place', () => {
    const source = [
      '---',
      'notice:',
      '  languages: [en, de]',
      '  next_steps:',
      '    en: "You need not do anything. Your phone now asks before a sync deletes contacts."',
      '    de: "Sie müssen nichts tun. Ihr Telefon fragt jetzt nach, bevor ein Abgleich Kontakte löscht."',
      '---',
      '',
      '## Action items',
      '',
      '| Action | Type | Owner | Due | Status |',
      '| --- | --- | --- | --- | --- |',
      '| Ask the user before a sync deletes contacts | mitigate | phone-team | 2020-10-08 | done |',
      '| Back up the sync store every day | prevent | storage-team | 2020-11-30 | open |',
      '',
    ].join('\n');
    expect(checkNoticePromises(parsePostmortem(source).postmortem)).toEqual([]);
    const broken = source.replace('Sie müssen nichts tun. ', '');
    expect(checkNoticePromises(parsePostmortem(broken).postmortem).map((f) => f.line)).toEqual([6]);
  });
});
