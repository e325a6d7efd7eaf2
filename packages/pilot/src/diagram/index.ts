export { flowDiagram } from './flow-diagram.js';
export { DIAGRAM_END, DIAGRAM_START, diagramBlock, withDiagram } from './readme-block.js';
