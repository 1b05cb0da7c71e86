import { render } from 'preact';
import { Library } from './Library';
import { openDatabase } from '../../utils/db/database';
import { startFirstScreen } from './use-library-records';
import '../../components/styles.css';
import './library.css';

/** How long the first paint waits for the newest records, so that it shows them rather than "Loading…". */
const WAIT_FOR_FIRST_ROWS_MS = 250;

performance.mark('precis:script-start');
// The newest records are asked for before anything is rendered: while the page renders and paints, the
// database's answers wait behind it (on a slow machine the first rows came 100 ms later).
const firstScreen = startFirstScreen(openDatabase());
const shown = new Promise((resolve) => setTimeout(resolve, WAIT_FOR_FIRST_ROWS_MS));
// A failure to read shows in the page itself (useLibraryRecords reports it).
void Promise.race([firstScreen.ready.catch(() => {}), shown]).then(() => render(<Library firstScreen={firstScreen} />, document.getElementById('app')!));
