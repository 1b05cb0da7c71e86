import { render } from 'preact';
import { Library } from './Library';
import '../../components/styles.css';
import './library.css';

performance.mark('precis:script-start');
render(<Library />, document.getElementById('app')!);
