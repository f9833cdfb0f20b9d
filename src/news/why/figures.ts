/** Figures in what an article says, and the move figures a reported sentence may lose (domain/claimFigures.ts, shared with the story checker). */
export { hasFigure, takeOutMoveFigures, withoutMoveFigures } from '../../domain/claimFigures.js';
