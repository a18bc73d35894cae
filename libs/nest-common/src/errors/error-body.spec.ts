import { BadRequestException, HttpException, NotFoundException } from '@nestjs/common';
import { InputError } from '@rarerank/io';
import { INTERNAL_ERROR_MESSAGE, toErrorBody } from './error-body';

describe('toErrorBody', () => {
  it('turns bad input into a 400 that names the file and line', () => {
    const err = new InputError('GT field is not a genotype', { file: 'case.vcf', line: 12, field: 'GT' });
    expect(toErrorBody(err, 'r1')).toEqual({
      statusCode: 400,
      error: 'Bad Request',
      message: 'case.vcf, line 12, field GT: GT field is not a genotype',
      field: 'GT',
      line: 12,
      file: 'case.vcf',
      requestId: 'r1',
    });
  });

  it('keeps the status and message of HttpExceptions', () => {
    expect(toErrorBody(new NotFoundException('no such case'), 'r2')).toEqual({ statusCode: 404, error: 'Not Found', message: 'no such case', requestId: 'r2' });
    expect(toErrorBody(new BadRequestException(['a is bad', 'b is bad']), 'r3').message).toBe('a is bad; b is bad');
    expect(toErrorBody(new HttpException('slow down', 429), 'r4')).toMatchObject({ statusCode: 429, error: 'Too Many Requests' });
    expect(toErrorBody(new BadRequestException({ message: 'hpo: "HP:1" is not an HPO id', field: 'hpo' }), 'r7')).toEqual({
      statusCode: 400,
      error: 'Bad Request',
      message: 'hpo: "HP:1" is not an HPO id',
      field: 'hpo',
      requestId: 'r7',
    });
  });

  it('hides everything about unexpected errors', () => {
    const body = toErrorBody(new TypeError('cannot read x of undefined at /srv/secret.ts'), 'r5');
    expect(body).toEqual({ statusCode: 500, error: 'Internal Server Error', message: INTERNAL_ERROR_MESSAGE, requestId: 'r5' });
    expect(toErrorBody('a thrown string', 'r6').statusCode).toBe(500);
  });
});
