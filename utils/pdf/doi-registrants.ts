/**
 * Publishers of some widely cited DOI prefixes (Crossref members and DataCite clients), for a paper that prints its
 * DOI but not its publisher. A prefix names who registered the DOI; repositories that register DOIs for anybody's
 * uploads (Zenodo, figshare, OSF, SSRN, arXiv, Dryad, preprint servers) and JSTOR (which archives others' journals) are left out on purpose: the uploader, not the repository, is
 * the publisher there. A value from here is always shown as guessed.
 */
export const DOI_REGISTRANTS: Readonly<Record<string, string>> = {
  '10.1001': 'American Medical Association',
  '10.1002': 'Wiley',
  '10.1007': 'Springer',
  '10.1016': 'Elsevier',
  '10.1017': 'Cambridge University Press',
  '10.1021': 'American Chemical Society',
  '10.1038': 'Springer Nature',
  '10.1039': 'Royal Society of Chemistry',
  '10.1046': 'Wiley',
  '10.1056': 'Massachusetts Medical Society',
  '10.1057': 'Palgrave Macmillan',
  '10.1063': 'AIP Publishing',
  '10.1073': 'Proceedings of the National Academy of Sciences',
  '10.1080': 'Taylor & Francis',
  '10.1086': 'University of Chicago Press',
  '10.1088': 'IOP Publishing',
  '10.1093': 'Oxford University Press',
  '10.1098': 'The Royal Society',
  '10.1103': 'American Physical Society',
  '10.1108': 'Emerald',
  '10.1109': 'IEEE',
  '10.1111': 'Wiley',
  '10.1126': 'American Association for the Advancement of Science',
  '10.1136': 'BMJ',
  '10.1145': 'Association for Computing Machinery',
  '10.1146': 'Annual Reviews',
  '10.1155': 'Hindawi',
  '10.1162': 'MIT Press',
  '10.1163': 'Brill',
  '10.1177': 'SAGE Publications',
  '10.1186': 'BioMed Central',
  '10.1257': 'American Economic Association',
  '10.1287': 'INFORMS',
  '10.1353': 'Project MUSE',
  '10.1371': 'Public Library of Science',
  '10.1515': 'De Gruyter',
  '10.1596': 'World Bank',
  '10.1787': 'OECD',
  '10.3386': 'National Bureau of Economic Research',
  '10.3389': 'Frontiers',
  '10.3390': 'MDPI',
  '10.4000': 'OpenEdition',
  '10.5089': 'International Monetary Fund',
  '10.5194': 'Copernicus Publications',
  '10.7249': 'RAND Corporation',
  '10.7554': 'eLife Sciences Publications',
  '10.7717': 'PeerJ',
  '10.12688': 'F1000 Research',
  '10.18356': 'United Nations',
};

export function registrantOf(doi: string | null): string | null {
  const prefix = doi?.match(/^(10\.\d{4,9})\//)?.[1];
  return (prefix && DOI_REGISTRANTS[prefix]) || null;
}
