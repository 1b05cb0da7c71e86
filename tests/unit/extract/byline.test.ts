import { describe, expect, it } from 'vitest';
import { bylineFromLine, parseByline, cleanAuthors } from '../../../utils/extract/metadata/byline';

const names = (s: string, siteNames: string[] = []) => parseByline(s, { siteNames }).map((a) => a.name);

describe('byline cleaning', () => {
  it('strips By / Von / Por / Par', () => {
    expect(names('By Jane Doe')).toEqual(['Jane Doe']);
    expect(names('Von Hans Müller')).toEqual(['Hans Müller']);
    expect(names('Por María López')).toEqual(['María López']);
    expect(names('Par Jean Dupont')).toEqual(['Jean Dupont']);
  });

  it('reads by-words and credit labels in more languages and scripts', () => {
    expect(names('Av Anna Svensson')).toEqual(['Anna Svensson']);
    expect(names('Автор: Иван Петров')).toEqual(['Иван Петров']);
    expect(names('Текст: Лида Буслаева')).toEqual(['Лида Буслаева']);
    expect(names('Yazar: Ayşe Yılmaz')).toEqual(['Ayşe Yılmaz']);
    expect(names('作者：肖春芳')).toEqual(['肖春芳']);
    expect(names('文／山田太郎')).toEqual(['山田太郎']);
    expect(names('记者 肖春芳')).toEqual(['肖春芳']);
    expect(names('作者：张三、李四')).toEqual(['张三', '李四']);
    // A line of page text in a script without capitals is a byline too.
    expect(bylineFromLine('作者：肖春芳').map((a) => a.name)).toEqual(['肖春芳']);
  });

  it('keeps names that hold a conjunction or a particle written as a name: "Con", "Y.", "Le"; and initials before a name', () => {
    expect(names('By Con Coughlin')).toEqual(['Con Coughlin']);
    expect(names('By Jane Y. Doe')).toEqual(['Jane Y. Doe']);
    expect(names('By Minh Le')).toEqual(['Minh Le']);
    expect(names('By J. K. Rowling')).toEqual(['J. K. Rowling']);
    expect(names('Jane Doe And John Roe')).toEqual(['Jane Doe', 'John Roe']);
    expect(names('JANE DOE Y ANA LOPEZ')).toEqual(['Jane Doe', 'Ana Lopez']);
    expect(names('VON TOBI UND LARS')).toEqual(['Tobi', 'Lars']);
  });

  it('reads "Report by", "Guest blog by" as by-words, but not "Report from" a place', () => {
    expect(names('Report from Kyiv | By Jane Doe')).toEqual(['Jane Doe']);
    expect(names('Guest blog by Jane Doe')).toEqual(['Jane Doe']);
    expect(bylineFromLine('Guest blog by Jane Doe').map((a) => a.name)).toEqual(['Jane Doe']);
    expect(bylineFromLine('Yazan: Ahmet Yılmaz').map((a) => a.name)).toEqual(['Ahmet Yılmaz']);
    // A headline-like line is not a byline.
    expect(bylineFromLine('Study by Stanford Researchers Finds Link')).toEqual([]);
  });

  it('keeps a generational suffix with its stop ("Jr.", "Sr.") as part of the name, but not a sentence ending in a stop', () => {
    expect(names('By E. J. Dionne Jr.')).toEqual(['E. J. Dionne Jr.']);
    expect(names('By Sam Jones Sr. and Ann Lee')).toEqual(['Sam Jones Sr.', 'Ann Lee']);
    expect(names('Read the full story here.')).toEqual([]);
  });

  it('splits on "y", "et", "and" only as words, in any alphabet', () => {
    expect(names('Ayşe Yılmaz y Ana López')).toEqual(['Ayşe Yılmaz', 'Ana López']);
    expect(names('Émile Ütz et Yœl Ørsted')).toEqual(['Émile Ütz', 'Yœl Ørsted']);
  });

  it('keeps names in any script (Cyrillic, Japanese, Arabic, Greek) and still drops punctuation-only values', () => {
    expect(names('Анна Петрова')).toEqual(['Анна Петрова']);
    expect(names('山田 花子')).toEqual(['山田 花子']);
    expect(names('By محمد علي')).toEqual(['محمد علي']);
    expect(names('Γιώργος Παπαδόπουλος')).toEqual(['Γιώργος Παπαδόπουλος']);
    expect(names('— • —')).toEqual([]);
    expect(names('admin')).toEqual([]);
  });

  it('splits several authors on , and und & ;', () => {
    expect(names('By Jane Doe, John Roe and Ann Lee')).toEqual(['Jane Doe', 'John Roe', 'Ann Lee']);
    expect(names('Von Hans Müller und Eva Maier')).toEqual(['Hans Müller', 'Eva Maier']);
    expect(names('Jane Doe & John Roe; Ann Lee')).toEqual(['Jane Doe', 'John Roe', 'Ann Lee']);
  });

  it('drops roles, dates and "| Updated" tails', () => {
    expect(names('By Jane Doe, Senior Editor')).toEqual(['Jane Doe']);
    expect(names('By Jane Doe | Updated March 3, 2021 10:00 am')).toEqual(['Jane Doe']);
    expect(names('3. Mai 2021, 10:15 · von Jonas')).toEqual(['Jonas']);
    expect(names('Eva Maier Kategorien: Reisen 3. Mai 2021, 10:15 Uhr')).toEqual(['Eva Maier']);
    expect(names('Datum: 19.11.2021 Autor: Hans MüllerQuelle: Agentur')).toEqual(['Hans Müller']);
  });

  it('rejects placeholders, URLs, e-mails and site names posing as authors', () => {
    expect(names('admin')).toEqual([]);
    expect(names('By Staff')).toEqual([]);
    expect(names('https://example.com/author/jane')).toEqual([]);
    expect(names('jane@example.com')).toEqual([]);
    expect(names('The Daily Planet', ['The Daily Planet'])).toEqual([]);
    expect(names('ACME Online', ['acme.example', 'acme'])).toEqual([]);
  });

  it('fixes ALL-CAPS only when the whole byline is in capitals', () => {
    expect(names('BY JANE O\'NEIL AND JOHN ROE')).toEqual(["Jane O'Neil", 'John Roe']);
    expect(names('By Jane DOE')).toEqual(['Jane DOE']);
  });

  it('keeps the affiliation of structured authors and cleans their names', () => {
    expect(cleanAuthors([{ name: 'By Jane Doe', affiliation: 'Brookings Institution' }, { name: 'admin', affiliation: null }])).toEqual([
      { name: 'Jane Doe', affiliation: 'Brookings Institution' },
    ]);
  });

  it('drops log-in names and news agencies tacked onto a name', () => {
    expect(names('jane.doe')).toEqual([]);
    expect(names('Hans Müller/AB-C')).toEqual(['Hans Müller']);
  });
});

describe('byline furniture, roles and desks', () => {
  it('reads a line break as the end of the name: a role or desk under it is not a co-author', () => {
    expect(names('By Jane Doe\nStaff writer')).toEqual(['Jane Doe']);
    expect(names('Jane Doe\nPolitics desk')).toEqual(['Jane Doe']);
    expect(names('By\nJane Doe\nThe Daily Staff', ['thedaily.example', 'thedaily'])).toEqual(['Jane Doe']);
  });

  it('strips page furniture before the by-word', () => {
    expect(names('View all posts by Jane Doe')).toEqual(['Jane Doe']);
    expect(names('Erstellt von Hans Müller')).toEqual(['Hans Müller']);
    expect(names('Zeige alle Beiträge von Hans Müller →')).toEqual(['Hans Müller']);
    expect(names('Post author By Jane Doe')).toEqual(['Jane Doe']);
  });

  it('reads "Posted by", "Published by", "Veröffentlicht von" as a by-word, and the same words after a name as its end', () => {
    expect(names('Posted by Maria Schmidt')).toEqual(['Maria Schmidt']);
    expect(names('Published by Jane Roe on 5 May 2021')).toEqual(['Jane Roe']);
    expect(names('Veröffentlicht von Hans Müller')).toEqual(['Hans Müller']);
    expect(names('Publicado por Ana López')).toEqual(['Ana López']);
    expect(names('By Jane Doe Posted 5 May 2021')).toEqual(['Jane Doe']);
    expect(names('Updated 5 May 2021')).toEqual([]);
  });

  it('reads a combined credit ("Text & Fotos:", "Words and photos by") and a plural author label with its colon as the by-word', () => {
    expect(names('Text & Fotos: Ivan Petrov')).toEqual(['Ivan Petrov']);
    expect(names('Text und Bild: Hans Müller')).toEqual(['Hans Müller']);
    expect(names('Words and photos: Jane Roe')).toEqual(['Jane Roe']);
    expect(names('Words and photos by Jane Roe')).toEqual(['Jane Roe']);
    expect(names('Text und Fotos von Hans Müller')).toEqual(['Hans Müller']);
    expect(names('Autoren: Hans Müller und Eva Weber')).toEqual(['Hans Müller', 'Eva Weber']);
    expect(names('Authors: Jane Doe, John Roe')).toEqual(['Jane Doe', 'John Roe']);
    // Without the colon the word is part of a name.
    expect(names('Authors Guild')).toEqual(['Authors Guild']);
    expect(names('Words Without Borders')).toEqual(['Words Without Borders']);
  });

  it('takes a line of page text opening with a by-phrase in several languages as a byline, not a sentence', () => {
    const line = (s: string) => bylineFromLine(s).map((a) => a.name);
    expect(line('Posted by Jane Doe on 3 May 2021')).toEqual(['Jane Doe']);
    expect(line('Geschrieben von Hans Müller am 25.08.2015 22:30')).toEqual(['Hans Müller']);
    expect(line('Text & Fotos: Ivan Petrov')).toEqual(['Ivan Petrov']);
    expect(line('Commentary by Jane Doe and John Roe')).toEqual(['Jane Doe', 'John Roe']);
    expect(line('Analysis by Jane Doe')).toEqual(['Jane Doe']);
    expect(line('Guest post by Jane Doe')).toEqual(['Jane Doe']);
    expect(line('Prepared by Jane Doe and John Roe')).toEqual(['Jane Doe', 'John Roe']);
    expect(line('Authored by Jane Doe')).toEqual(['Jane Doe']);
    expect(names('Guest post by Jane Doe')).toEqual(['Jane Doe']);
    expect(names('Gastbeitrag von Hans Müller')).toEqual(['Hans Müller']);
    expect(line('Report by Jane Doe, John Roe, and Mary Major')).toEqual(['Jane Doe', 'John Roe', 'Mary Major']);
    expect(line('Interview by Jane Doe')).toEqual([]);
    expect(line('Authors Guild sues over the use of books')).toEqual([]);
    expect(line('Authors Guild Sues OpenAI Over Training Data')).toEqual([]);
    expect(line('Published by Oxford University Press')).toEqual([]);
    expect(line('by jane doe')).toEqual([]);
  });

  it('cuts the publication written for after a name in a byline, not an organisation named with "for"', () => {
    expect(names('By Glen Owen And Brendan Carlin For The Mail On Sunday')).toEqual(['Glen Owen', 'Brendan Carlin']);
    expect(names('By Jane Doe for Reuters')).toEqual(['Jane Doe']);
    expect(names('By Jane Doe For Dailymail.com')).toEqual(['Jane Doe']);
    expect(names('By Jane Doe, For The Mail On Sunday')).toEqual(['Jane Doe']);
    for (const org of ['Organization for Transformative Works', 'Centre for European Reform', 'International Union for Conservation of Nature',
      'European Organization for Nuclear Research', 'National Endowment for the Arts', 'Young Americans for Liberty']) {
      expect(names(org)).toEqual([org]);
      expect(names(`By ${org}`)).toEqual([org]);
    }
  });

  it('reads what follows a role, up to the next "and", as the role and its institution', () => {
    expect(parseByline('By Jane Doe, Senior Fellow, Baltic Maritime Institute, and John Roe')).toEqual([
      { name: 'Jane Doe', affiliation: 'Baltic Maritime Institute' },
      { name: 'John Roe', affiliation: null },
    ]);
    expect(names('By Jane Doe, Senior Staff Technologist, Civic Speech, Privacy, and Technology Project')).toEqual(['Jane Doe']);
    expect(names('Jane Doe, Leiterin Redaktion Leben & Gesundheit')).toEqual(['Jane Doe']);
  });

  it('drops reading times, follow buttons and avatar initials', () => {
    expect(names('Jane Doe Tiempo de lectura: 4 min')).toEqual(['Jane Doe']);
    expect(names('Jane Doe; Follow')).toEqual(['Jane Doe']);
    expect(names('JD\nJane Doe')).toEqual(['Jane Doe']);
    // A short token in capitals is an acronym or initials, kept as written ("AFP", "OZ"); a name in capitals is fixed.
    expect(names('OZ')).toEqual(['OZ']);
    expect(names('AFP')).toEqual(['AFP']);
    expect(names('JANE DOE')).toEqual(['Jane Doe']);
  });

  it('keeps a person a blog is named after, but not one word of the site name', () => {
    expect(names('Jane Doe', ["Jane Doe's blog"])).toEqual(['Jane Doe']);
    expect(names('Acme', ['acmenews.example', 'acmenews'])).toEqual([]);
  });

  it('reads no name out of a sentence about a role', () => {
    expect(names('A computer science professor at the University of Quebec. View all posts by')).toEqual([]);
  });

  it('joins a by-word ending one line to the name on the next', () => {
    expect(names('Essay Von\nHans Müller')).toEqual(['Hans Müller']);
  });

  it('leaves out an editor, translator, photographer or interviewer credited beside the author', () => {
    expect(names('By Jane Doe; edited by John Roe')).toEqual(['Jane Doe']);
    expect(names('By Jane Doe, Translated by John Roe')).toEqual(['Jane Doe']);
    expect(names('Jane Doe in conversation with John Roe')).toEqual(['Jane Doe']);
    expect(names('Von Hans Müller, Fotos von Eva Weber')).toEqual(['Hans Müller']);
    expect(names('Par Jean Dupont, traduit par Ann Lee')).toEqual(['Jean Dupont']);
    expect(names('Por Ana López (editado por Luis Gil)')).toEqual(['Ana López']);
    expect(names('Propos recueillis par Jean Dupont')).toEqual([]);
    expect(names('Das Interview führte Hans Müller')).toEqual([]);
    // A credit joined to the author's own is still the author's.
    expect(names('Text and photos by Jane Doe')).toEqual(['Jane Doe']);
  });

  it('ends a name at a date label written in lower case', () => {
    expect(names('Par Jean Dupont, publié le 5 mars 2024')).toEqual(['Jean Dupont']);
    expect(names('By Jane Doe, updated March 6')).toEqual(['Jane Doe']);
    expect(bylineFromLine('Par Jean Dupont, publié le 5 mars 2024').map((a) => a.name)).toEqual(['Jean Dupont']);
  });

  it('leaves no bracket that a cut left open or closed', () => {
    expect(names('Jane Doe (Reuters')).toEqual(['Jane Doe']);
    expect(names('Jane Doe [Reuters]')).toEqual(['Jane Doe']);
    expect(names('Jane Doe (avec John Roe et Ann Lee)')).toEqual(['Jane Doe', 'John Roe', 'Ann Lee']);
  });
});

describe('institutions in a byline', () => {
  it('reads an institution after a name as that author’s affiliation, not as a co-author', () => {
    expect(parseByline('By Marta Lindqvist, Baltic Maritime Institute')).toEqual([
      { name: 'Marta Lindqvist', affiliation: 'Baltic Maritime Institute' },
    ]);
    expect(parseByline('Jane Doe, Harvard University, and John Roe')).toEqual([
      { name: 'Jane Doe', affiliation: 'Harvard University' },
      { name: 'John Roe', affiliation: null },
    ]);
  });

  it('reads an institution in brackets after a name as that author’s affiliation', () => {
    expect(parseByline('By Jane Doe (Example Institute) and John Roe')).toEqual([
      { name: 'Jane Doe', affiliation: 'Example Institute' },
      { name: 'John Roe', affiliation: null },
    ]);
    expect(parseByline('Jane Doe (Reuters)')).toEqual([{ name: 'Jane Doe', affiliation: null }]);
    // Its own "and" and commas join no authors.
    expect(parseByline('By Jane Doe (Institute for Peace and Security) and John Roe')).toEqual([
      { name: 'Jane Doe', affiliation: 'Institute for Peace and Security' },
      { name: 'John Roe', affiliation: null },
    ]);
    expect(parseByline('By Jane Doe (Example Institute, Brussels)')).toEqual([{ name: 'Jane Doe', affiliation: 'Example Institute, Brussels' }]);
  });

  it('reads a newspaper or a place after a name as where the author works or writes from, not as a co-author', () => {
    expect(parseByline('By Jane Doe, The New York Times')).toEqual([{ name: 'Jane Doe', affiliation: 'The New York Times' }]);
    expect(parseByline('By Jane Doe, BBC News')).toEqual([{ name: 'Jane Doe', affiliation: 'BBC News' }]);
    expect(names('Jane Doe/The Local')).toEqual(['Jane Doe']);
    expect(names('By Jane Doe and the Associated Press')).toEqual(['Jane Doe']);
    expect(names('Jane Doe, Bloomberg')).toEqual(['Jane Doe']);
    expect(names('Von Hans Müller, Berlin')).toEqual(['Hans Müller']);
    expect(names('Jane Doe in Washington and John Roe in London')).toEqual(['Jane Doe', 'John Roe']);
    expect(names('Von Hans Müller aus Berlin')).toEqual(['Hans Müller']);
    expect(names('By JANE DOE Associated Press')).toEqual(['Jane Doe']);
    // Two people, each with a full name, are still two authors; so are single names in a list of single names.
    expect(names('Jane Doe, John Roe')).toEqual(['Jane Doe', 'John Roe']);
    expect(names('Tobi, Lars')).toEqual(['Tobi', 'Lars']);
    expect(names('Tobi und Lars')).toEqual(['Tobi', 'Lars']);
    // Left-over words after a name are not co-authors.
    expect(names('Jane Doe; archive')).toEqual(['Jane Doe']);
    expect(names('Jane Doe; Read')).toEqual(['Jane Doe']);
  });

  it('still splits two people', () => {
    expect(parseByline('By Jane Doe, John Roe').map((a) => a.name)).toEqual(['Jane Doe', 'John Roe']);
  });
});
