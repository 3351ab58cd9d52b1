# Method calls and attribute access in the style of the Richards benchmark:
# a toy operating system whose tasks (an idle task, workers, handlers and
# devices) pass packets to each other through a scheduler. Every step reads
# and writes fields on task and packet objects and calls small methods
# through subclasses.

IDLE, WORKER, HANDLER_A, HANDLER_B, DEVICE_A, DEVICE_B = range(6)
KIND_DEVICE = 0
KIND_WORK = 1
DATA_SIZE = 4


class Packet:
    # 'owner' is the task that sent the packet last, so replies find it.
    def __init__(self, link, owner, kind):
        self.link = link
        self.owner = owner
        self.kind = kind
        self.datum = 0
        self.data = [0] * DATA_SIZE

    def append_to(self, queue):
        # Puts this packet at the end of the list starting at 'queue' and
        # returns the new head.
        self.link = None
        if queue is None:
            return self
        last = queue
        while last.link is not None:
            last = last.link
        last.link = self
        return queue


class Task:
    # A task is held (stopped until released), waiting (wants a packet and
    # sleeps until one is queued) or free to run with no packet.
    def __init__(self, scheduler, ident, priority, queue):
        self.scheduler = scheduler
        self.ident = ident
        self.priority = priority
        self.queue = queue
        self.waiting = True
        self.held = False
        self.next = None

    def is_blocked(self):
        return self.held or (self.waiting and self.queue is None)

    def take_packet(self):
        pkt = self.queue
        self.queue = pkt.link
        self.waiting = False
        return pkt

    def receive(self, pkt):
        # Queues 'pkt' for this task; returns True if it should preempt the
        # current one.
        self.queue = pkt.append_to(self.queue)
        return self.waiting and not self.held and self.priority > self.scheduler.current.priority


class IdleTask(Task):
    def __init__(self, scheduler, ident, priority, count):
        Task.__init__(self, scheduler, ident, priority, None)
        self.waiting = False
        self.seed = 1
        self.count = count

    def step(self, pkt):
        s = self.scheduler
        self.count -= 1
        if self.count == 0:
            return s.hold_self()
        if self.seed & 1 == 0:
            self.seed >>= 1
            return s.release(DEVICE_A)
        self.seed = (self.seed >> 1) ^ 0xD008
        return s.release(DEVICE_B)


class WorkerTask(Task):
    def __init__(self, scheduler, ident, priority, queue):
        Task.__init__(self, scheduler, ident, priority, queue)
        self.target = HANDLER_A
        self.letter = 0

    def step(self, pkt):
        s = self.scheduler
        if pkt is None:
            return s.wait()
        self.target = HANDLER_B if self.target == HANDLER_A else HANDLER_A
        pkt.datum = 0
        for i in range(DATA_SIZE):
            self.letter += 1
            if self.letter > 26:
                self.letter = 1
            pkt.data[i] = self.letter
        return s.send(pkt, self.target)


class HandlerTask(Task):
    def __init__(self, scheduler, ident, priority, queue, device):
        Task.__init__(self, scheduler, ident, priority, queue)
        self.device = device
        self.work = None
        self.devices = None

    def step(self, pkt):
        s = self.scheduler
        if pkt is not None:
            if pkt.kind == KIND_WORK:
                self.work = pkt.append_to(self.work)
            else:
                self.devices = pkt.append_to(self.devices)
        work = self.work
        if work is not None:
            n = work.datum
            if n < DATA_SIZE:
                dev = self.devices
                if dev is not None:
                    self.devices = dev.link
                    dev.datum = work.data[n]
                    work.datum = n + 1
                    return s.send(dev, self.device)
            else:
                self.work = work.link
                return s.send(work, WORKER)
        return s.wait()


class DeviceTask(Task):
    def __init__(self, scheduler, ident, priority):
        Task.__init__(self, scheduler, ident, priority, None)
        self.pending = None

    def step(self, pkt):
        s = self.scheduler
        if pkt is None:
            pending = self.pending
            if pending is None:
                return s.wait()
            self.pending = None
            return s.send(pending, pending.owner)
        self.pending = pkt
        s.output += pkt.datum
        return s.hold_self()


class Scheduler:
    def __init__(self):
        self.tasks = [None] * 6
        self.chain = None
        self.current = None
        self.hold_count = 0
        self.send_count = 0
        self.output = 0

    def add(self, task):
        self.tasks[task.ident] = task
        task.next = self.chain
        self.chain = task

    def hold_self(self):
        self.hold_count += 1
        self.current.held = True
        return self.current.next

    def release(self, ident):
        t = self.tasks[ident]
        t.held = False
        if t.priority > self.current.priority:
            return t
        return self.current

    def wait(self):
        self.current.waiting = True
        return self.current

    def send(self, pkt, dest):
        # Hands 'pkt' to task 'dest', marked as coming from the current task;
        # returns the task to run next.
        target = self.tasks[dest]
        self.send_count += 1
        pkt.owner = self.current.ident
        if target.receive(pkt):
            return target
        return self.current

    def run(self):
        task = self.chain
        while task is not None:
            if task.is_blocked():
                task = task.next
                continue
            self.current = task
            pkt = None
            if task.waiting:
                pkt = task.take_packet()
            task = task.step(pkt)


def simulate(count):
    s = Scheduler()
    s.add(IdleTask(s, IDLE, 0, count))
    work = Packet(None, WORKER, KIND_WORK)
    work = Packet(work, WORKER, KIND_WORK)
    s.add(WorkerTask(s, WORKER, 1000, work))
    for handler, device in ((HANDLER_A, DEVICE_A), (HANDLER_B, DEVICE_B)):
        q = Packet(None, device, KIND_DEVICE)
        q = Packet(q, device, KIND_DEVICE)
        q = Packet(q, device, KIND_DEVICE)
        s.add(HandlerTask(s, handler, 2000 + handler, q, device))
    s.add(DeviceTask(s, DEVICE_A, 4000))
    s.add(DeviceTask(s, DEVICE_B, 5000))
    s.run()
    return s.hold_count, s.send_count, s.output


def main():
    totals = [0, 0, 0]
    for _ in range(16):
        for i, v in enumerate(simulate(10000)):
            totals[i] += v
    print("holds", totals[0], "sends", totals[1], "output", totals[2])


main()
