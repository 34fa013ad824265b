import { Injectable } from '@nestjs/common';

/**
 * The drain before a shutdown (`SHUTDOWN_DRAIN_MS`): from SIGTERM the API keeps serving, but its health checks answer
 * 503 `shutting_down`, so a load balancer takes the process out of rotation before it stops accepting connections.
 * Without it a balancer keeps sending requests until its next failed probe, and those meet a closed port.
 */
@Injectable()
export class ShutdownDrain {
  private started = false;

  get draining(): boolean {
    return this.started;
  }

  begin(): void {
    this.started = true;
  }
}
