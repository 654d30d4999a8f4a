/** The parts of the Handlebars AST the template lint reads (the package's own types are global-only). */

export interface Position {
  line: number;
  column: number;
}
export interface Location {
  start: Position;
  end: Position;
}

export interface PathExpression {
  type: 'PathExpression';
  data: boolean;
  depth: number;
  parts: string[];
  original: string;
  loc: Location;
}
export interface SubExpression {
  type: 'SubExpression';
  path: PathExpression;
  params: Expression[];
  hash?: Hash;
  loc: Location;
}
export interface Literal {
  type: 'StringLiteral' | 'NumberLiteral' | 'BooleanLiteral' | 'UndefinedLiteral' | 'NullLiteral';
  value?: unknown;
  loc: Location;
}
export type Expression = PathExpression | SubExpression | Literal;
export interface Hash {
  pairs: Array<{ key: string; value: Expression }>;
}

export interface Program {
  type: 'Program';
  body: Statement[];
  blockParams?: string[];
  loc: Location;
}
export interface MustacheStatement {
  type: 'MustacheStatement';
  path: Expression;
  params: Expression[];
  hash?: Hash;
  escaped: boolean;
  loc: Location;
}
export interface BlockStatement {
  type: 'BlockStatement';
  path: PathExpression;
  params: Expression[];
  hash?: Hash;
  program?: Program;
  inverse?: Program;
  loc: Location;
}
export interface PartialStatement {
  type: 'PartialStatement' | 'PartialBlockStatement';
  name: PathExpression | SubExpression;
  params: Expression[];
  hash?: Hash;
  program?: Program;
  loc: Location;
}
export type Statement =
  | MustacheStatement
  | BlockStatement
  | PartialStatement
  | { type: 'ContentStatement' | 'CommentStatement' | 'Decorator' | 'DecoratorBlock'; loc: Location };
