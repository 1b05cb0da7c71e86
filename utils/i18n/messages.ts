/**
 * The extension's user-facing labels, English first. A translation is another object with the same keys
 * (the type below makes a missing key a compile error); `$1`, `$2`… are filled from `t()`'s arguments, as in
 * the browser's own `_locales` messages, so the strings can move to messages.json unchanged later.
 */
export const EN = {
  // Context menus (background)
  menuClipPage: 'Clip this page',
  menuAddToSummary: 'Add selection to summary',
  menuAddQuote: 'Add selection as a quote',
  menuOpenLibrary: 'Open library',
  badgeClickIcon: 'Précis: click the Précis icon in the toolbar to continue.',
  badgeAdded: 'Précis: added to your draft for this page. Click the Précis icon to see it.',
  badgeFailed: 'Précis could not add the selection: $1',
  badgeNothingSelected: 'Précis: nothing was selected.',
  badgeRestricted:
    'Précis can’t read this page: browsers keep their own pages and extension stores off limits. Click the Précis icon to fill in a record by hand.',

  // Options page
  optionsTitle: 'Précis options',
  optionsSummarizedBy: 'Summarized by',
  optionsName: 'Name',
  optionsRole: 'Role',
  optionsTypes: 'Type of Literature choices (one a line)',
  optionsSave: 'Save',
  optionsRestoreTypes: 'Restore default list',
  optionsSaved: 'Saved.',
  optionsNotSaved: 'Not saved: $1',
  optionsNeedOneType: 'Not saved: the Type of Literature list needs at least one entry.',
  optionsReadFailed: 'Could not read the settings: $1',
  optionsPanelHeading: 'Where Précis opens',
  optionsPanelToggle: 'Open Précis in the side panel (stays open when you click the page)',
  optionsPanelUnsupported: 'This browser has no side panel for extensions; Précis opens as a popup.',
  optionsPanelFirefox: 'In Firefox, the Précis sidebar is also in View › Sidebar.',
  optionsStorageHeading: 'Storage',
  optionsStorageUse: 'Précis and its data use $1 of the $2 your browser allows.',
  optionsStorageUnknown: 'Your browser does not say how much storage is used.',
  optionsCounts: '$1 saved records, $2 unsaved drafts.',
  optionsPersisted: 'Storage is persistent: the browser will not clear your library to free space.',
  optionsNotPersisted:
    'Storage is not yet persistent: when the disk is nearly full, the browser may clear it. Export your library regularly, or ask the browser to keep it.',
  optionsPersistButton: 'Keep my library when space runs low',
  optionsPersistRefused: 'The browser declined for now (it decides from how you use Précis). Export your library to keep a copy.',
  optionsPersistUnsupported: 'This browser cannot be asked to keep the library.',

  // Drafts list (library page)
  draftsHeading: 'Unsaved drafts',
  draftsNone: 'No unsaved drafts.',
  draftsUntitled: 'Untitled draft',
  draftsSavedAt: 'last edited $1',
  draftsOpenPage: 'Open page',
  draftsDiscard: 'Discard',
  draftsDiscardLabel: 'Discard the draft for $1',
  draftsDiscardFailed: 'Could not discard the draft: $1',
  draftsOpenLabel: 'Open page: $1',
  draftsDiscarded: 'Draft for “$1” discarded.',
  draftsReadFailed: 'Could not read the drafts: $1',

  // Popup: header, footer and status line
  popupHeading: 'Précis',
  popupOpenLibrary: 'Open library',
  popupOptions: 'Options',
  popupSave: 'Save',
  popupSaveTitle: 'Save (Ctrl+Enter)',
  popupExportJson: 'Export JSON',
  popupProblemsLabel: 'Problems to fix',
  popupReading: 'Reading the page…',
  popupFillIn: 'Fill in the record, then save.',
  popupFilledFromPage: 'Filled in from the page. Check each field, then save.',
  popupNoArticle: 'No article found on this page. What the page says about itself is filled in; add the rest by hand.',
  popupReadFailed: "Précis can't read this page: $1. You can still fill in the form by hand.",
  popupNoTab: "Précis can't read this page: there is no tab to read. Fill in the form by hand.",
  popupCannotRead: "Précis can't read this page. $1 You can still fill in the form by hand.",
  popupAlreadySaved: 'Already in your library (saved $1): editing that record. Save updates it.',
  popupDraftRestored: 'Restored your unsaved edits for this page.',
  popupDraftRestoredSaved: 'Restored your unsaved edits for this page. Save updates the record already in your library.',
  popupDiscardedToRecord: 'Draft discarded: back to the saved record.',
  popupDiscardedToPage: 'Draft discarded: back to the values read from the page.',
  popupClipAsNew: 'A new record from the page. Saving asks before adding a second record for this address.',
  popupFixFields: 'Not saved: please correct the fields listed above.',
  popupAlreadyInLibrary: 'This page is already in your library.',
  popupNotSaved: 'Not saved.',
  popupSavedNew: 'Saved “$1” to your library.',
  popupSavedUpdate: 'Saved “$1” (updated the existing record).',
  popupNothingToExport: 'Nothing to export yet: save a record first.',
  popupExportedOne: 'Exported $1 record to $2.',
  popupExportedMany: 'Exported $1 records to $2.',
  popupExportFailed: 'Export failed: $1',

  // Popup: "already clipped" and "draft restored" lines
  clippedLine: 'Already in your library, saved $1: you are editing that record.',
  clippedClipAsNew: 'Clip as new',
  restoredLine: 'Draft restored',
  restoredDiscard: 'Discard',
  restoredDiscardWhat: 'your unsaved edits and go back to $1',
  restoredBackToRecord: 'the saved record',
  restoredBackToPage: "the page's values",

  // Popup: dialog when saving a page already in the library
  duplicateTitle: 'Already in your library',
  duplicateText: 'This page is already saved (“$1”, saved $2). Update that record with this form, or keep both?',
  duplicateUpdate: 'Update existing',
  duplicateKeepBoth: 'Keep both',
  duplicateCancel: 'Cancel',

  // Record form (field labels follow the literature-summary record)
  formTitleLabel: 'Title',
  formAuthorLabel: 'Author',
  formAuthorPlaceholder: 'Names, separated by ;',
  formAffiliationLabel: 'Affiliation',
  formPublisherLabel: 'Organization/Publisher',
  formDateLabel: 'Date',
  formPlaceLabel: 'Place',
  formTypeLabel: 'Type of Literature',
  formTypeNone: '—',
  formWordCountLabel: 'Word Count',
  formLanguageLabel: 'Language',
  formSectionLabel: 'Section',
  formKeywordsLabel: 'Keywords',
  formUrlLabel: 'URL',
  formSummaryLabel: 'Summary',
  formSummarizedBy: 'Summarized by',
  formSummarizerName: 'Name',
  formSummarizerRole: 'Role',

  // Where an auto-filled value came from (beside a field's label)
  hintNotFound: 'not found on the page',
  hintFrom: 'from $1',
  hintGuessedFrom: 'guessed from $1',
  hintSourceTab: 'the tab',

  // Keyword tags and suggestions
  tagsLabel: 'Keyword tags',
  tagsRemove: 'Remove $1',
  tagsPlaceholder: 'Type a keyword, then Enter or comma',
  suggestedLead: 'Suggested:',
  suggestedListLabel: 'Suggested keywords',
  suggestedAdd: 'Add keyword',

  // Summary drafter
  drafterLength: 'Length',
  drafterLengthShort: 'Short',
  drafterLengthMedium: 'Medium',
  drafterLengthLong: 'Long',
  drafterEngine: 'Draft with',
  drafterEngineDownloads: '$1 (downloads a model first)',
  drafterStyle: 'Style',
  drafterStyleParagraph: 'Paragraph',
  drafterStyleKeyPoints: 'Key points',
  drafterStyleTeaser: 'Teaser',
  drafterStyleHeadline: 'Headline',
  drafterDraft: 'Draft summary',
  drafterCancel: 'Cancel draft',
  drafterDownloading: "Downloading the browser's AI model",
  drafterPart: 'Long article: reading part $1 of $2…',
  drafterChoice: 'The summary has your text. Draft anyway?',
  drafterReplace: 'Replace it',
  drafterAppend: 'Add below it',
  drafterKeep: 'Keep mine',
  drafterRunningAi: "Drafting with the browser's AI…",
  drafterRunningArticle: 'Drafting from the article…',
  drafterNoText: 'There is no article text to draft from.',
  drafterTooShort: 'The article is too short to draft a summary from.',
  drafterDone: 'Summary drafted: edit it as you like.',
  drafterDoneAuto: "Summary drafted from the article's sentences: edit it as you like.",
  drafterFailed: 'No draft: $1',
  drafterCancelled: 'Draft cancelled: the summary is as it was.',

  // Side panel
  sidepanelTitle: 'Précis side panel',

  // Storage errors (shown by the popup, library and options when a write fails)
  storageQuota:
    "Your browser's storage is full, so this was not saved. Your draft is kept: export and delete old records, or free space on the disk, then save again.",
  storageUnavailable:
    'The browser would not open Précis’s storage (a private window, or site data blocked?). Your draft is kept; save again in a normal window.',
  storageNewerVersion: 'Your library was written by a newer version of Précis. Update the extension to open it; nothing was changed.',
  storageFailed: 'Not saved: $1. Your draft is kept.',
  draftStorageFull: 'Your browser’s extension storage is full: this draft could not be kept. Save the record or discard old drafts.',
} as const;

export type MessageKey = keyof typeof EN;
export type Messages = Record<MessageKey, string>;

const current: Messages = EN;

/** The label for `key`, with `$1`, `$2`… replaced by `subs` in order. */
export function t(key: MessageKey, ...subs: Array<string | number>): string {
  return current[key].replace(/\$(\d)/g, (whole, n: string) => (subs[Number(n) - 1] ?? whole).toString());
}
